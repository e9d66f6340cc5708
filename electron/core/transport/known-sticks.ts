/**
 * USB ids of common Z-Wave controller sticks. Pure data + lookup, so it can be tested without hardware.
 *
 * Honesty note: several sticks use a generic USB-to-UART bridge chip (Silicon Labs CP210x, WCH CH9102), whose id is
 * shared with many non-Z-Wave gadgets. For those the name says "probably" and lists the sticks known to use it;
 * only vendor-specific ids (Sigma Designs 0658, Nortek 10c4:8a2a) are named outright.
 */

/** One recognisable USB id. Ids are 4 lower-case hex digits, as serialport reports them. */
export interface KnownStick {
  vendorId: string;
  productId: string;
  /** What to show the installer. */
  name: string;
  /** True when the id belongs to a generic bridge chip, so the port may not be a Z-Wave stick at all. */
  isGenericBridge: boolean;
}

/** The table of recognised Z-Wave sticks (most specific ids first). */
export const KNOWN_STICKS: readonly KnownStick[] = [
  {
    vendorId: '0658',
    productId: '0200',
    name: 'Z-Wave 500-series stick (Aeotec Z-Stick Gen5/Gen5+, Sigma Designs UZB, Zooz ZST10 500)',
    isGenericBridge: false,
  },
  {
    vendorId: '10c4',
    productId: '8a2a',
    name: 'Nortek HUSBZB-1 (Z-Wave + Zigbee; Z-Wave is usually the first of its two ports)',
    isGenericBridge: false,
  },
  {
    vendorId: '303a',
    productId: '4001',
    name: 'Probably Home Assistant Connect ZWA-2 (Espressif USB id, shared with other ESP32 devices)',
    isGenericBridge: true,
  },
  {
    vendorId: '10c4',
    productId: 'ea60',
    name: 'Probably a 700/800-series stick on a Silicon Labs CP210x bridge (Zooz ZST10 700, Aeotec Z-Stick 7, …)',
    isGenericBridge: true,
  },
  {
    vendorId: '1a86',
    productId: '55d4',
    name: 'Probably an 800-series stick on a WCH CH9102 bridge (Zooz ZST39 LR, …)',
    isGenericBridge: true,
  },
];

/** Normalises a USB id as serialport reports it ("10C4", "0x10c4", undefined) to 4 lower-case hex digits, or null. */
export function normaliseUsbId(id: string | undefined | null): string | null {
  if (!id) return null;
  const hex = id.trim().toLowerCase().replace(/^0x/, '');
  return /^[0-9a-f]{1,4}$/.test(hex) ? hex.padStart(4, '0') : null;
}

/** The recognised stick for a USB vendor/product id pair, or null when it is not in the table. */
export function recogniseStick(vendorId: string | undefined | null, productId: string | undefined | null): KnownStick | null {
  const vid = normaliseUsbId(vendorId);
  const pid = normaliseUsbId(productId);
  if (!vid || !pid) return null;
  return KNOWN_STICKS.find((s) => s.vendorId === vid && s.productId === pid) ?? null;
}

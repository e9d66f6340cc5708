import type { BleAdvertisement } from '../ble/ble-radio';

/** Nuki's GATT services (all on the base a92eXXXX-5501-11e4-916c-0800200c9a66). */
export const NUKI_SERVICES = {
  /** Advertised only while the lock is uninitialized. */
  initialization: 'a92ee000-5501-11e4-916c-0800200c9a66',
  pairing: 'a92ee100-5501-11e4-916c-0800200c9a66',
  keyturner: 'a92ee200-5501-11e4-916c-0800200c9a66',
  /** The pairing service of the Smart Lock Ultra. */
  pairingUltra: 'a92ee300-5501-11e4-916c-0800200c9a66',
} as const;

/** What one advertisement says about a (possible) Nuki lock. */
export interface NukiAdvertisement {
  /** True when the name starts with "Nuki" or a Nuki service or Nuki iBeacon is advertised. */
  isNuki: boolean;
  /** The advertised local name, e.g. "Nuki_3C8862ED", or null. */
  name: string | null;
  /** The Nuki ID from the name's 8 hex digits ("Nuki_3C8862ED" → 1015571181), when the name has them. */
  nukiId: number | null;
  rssi: number;
  /** `pairing`: the button was held and the lock takes a new pairing; `paired`: its iBeacon is on; else `unknown`. */
  mode: 'pairing' | 'paired' | 'unknown';
  /** The iBeacon's "state changed, please poll" flag (bit 0 of its TX-power byte); false when not paired. */
  stateChanged: boolean;
  /**
   * `ultra` when the Ultra pairing service is seen. A paired Ultra advertises the same iBeacon as the other models,
   * so it reads `smart_lock` until it is seen in pairing mode or asked over GATT.
   */
  variant: 'smart_lock' | 'ultra';
}

const APPLE_COMPANY_ID = 0x004c;
const IBEACON_TYPE = 0x02;
const IBEACON_LENGTH = 0x15;

/**
 * Reads a BLE advertisement as a Nuki lock's (reference/nuki-ble.md §1). Pairing mode wins over the iBeacon when both
 * are present: a radio may merge an earlier packet's iBeacon into a later one.
 */
export function readNukiAdvertisement(advertisement: BleAdvertisement): NukiAdvertisement {
  const name = advertisement.localName;
  const idMatch = name ? /^Nuki_([0-9a-f]{8})$/i.exec(name) : null;
  const heard = new Set([...advertisement.serviceUuids, ...advertisement.serviceData.map((d) => d.uuid)].map((u) => u.toLowerCase()));
  const isUltraPairing = heard.has(NUKI_SERVICES.pairingUltra);
  const isPairing = isUltraPairing || heard.has(NUKI_SERVICES.pairing);
  const beacon = readIBeacon(advertisement.manufacturerData);
  const isNukiBeacon = beacon !== null && beacon.proximityUuid === NUKI_SERVICES.keyturner;
  const mode = isPairing ? 'pairing' : isNukiBeacon ? 'paired' : 'unknown';
  const hasNukiService = Object.values(NUKI_SERVICES).some((uuid) => heard.has(uuid));
  return {
    isNuki: (name?.startsWith('Nuki') ?? false) || hasNukiService || isNukiBeacon,
    name,
    nukiId: idMatch?.[1] ? Number.parseInt(idMatch[1], 16) : null,
    rssi: advertisement.rssi,
    mode,
    stateChanged: mode === 'paired' && beacon !== null && (beacon.txPower & 0x01) === 1,
    variant: isUltraPairing ? 'ultra' : 'smart_lock',
  };
}

/** An Apple iBeacon in manufacturer data: company 0x004C (little-endian), type 0x02, length 0x15, 25 bytes in all. */
function readIBeacon(data: Uint8Array | null): { proximityUuid: string; txPower: number } | null {
  if (!data || data.length < 25) return null;
  if ((data[0]! | (data[1]! << 8)) !== APPLE_COMPANY_ID || data[2] !== IBEACON_TYPE || data[3] !== IBEACON_LENGTH) return null;
  const hex = Array.from(data.subarray(4, 20), (b) => b.toString(16).padStart(2, '0')).join('');
  const proximityUuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { proximityUuid, txPower: data[24]! };
}

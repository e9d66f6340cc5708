import type { ReservedSlot } from '../../../shared/domain/lock';

/** A lock model's Z-Wave identity, as zwave-js reads it from Manufacturer Specific CC. */
export interface DeviceIds {
  manufacturerId: number;
  productType: number;
  productId: number;
}

/**
 * What a device file means but says only in a comment, so zwave-js cannot tell Lockbench. One entry per fact, each
 * citing the file (node_modules/@zwave-js/config/config/devices/…) it comes from.
 */
interface LockQuirk {
  manufacturerId: number;
  productType: number;
  productIds: readonly number[];
  /**
   * Slots that hold the lock's own codes. Applied only while zwave-js really counts the slot (the file's override in
   * force): a slot past the count the lock works with is no slot at all.
   */
  reservedSlots: readonly ReservedSlot[];
  /** The device file and the words in it this entry rests on. */
  source: string;
}

const QUIRKS: readonly LockQuirk[] = [
  {
    // Yale YRD226 / YRC226 / YRC246 / YRD256 / YRC256 / YRD446 Assure Touchscreen Deadbolt, ZW2 module.
    manufacturerId: 0x0129,
    productType: 0x8002,
    productIds: [0x0600, 0x1600, 0x4600],
    reservedSlots: [{ slot: 251, reason: "the lock's admin (master) code" }],
    source:
      '0x0129/yrc_yrd_226_246_256_446-zw2.json, compat.overrideQueries "User Code" getUsersCount → 251: "The lock reports ' +
      'support for 250 lock codes, but slot 251 is the admin code which isn\'t available otherwise in CC version 1."',
  },
];

/** Slots the lock keeps for itself, from the quirks table, within 1..slotCount; empty for any other lock. */
export function reservedSlotsOf(ids: DeviceIds | null, slotCount: number): ReservedSlot[] {
  if (!ids) return [];
  return QUIRKS.filter((q) => q.manufacturerId === ids.manufacturerId && q.productType === ids.productType && q.productIds.includes(ids.productId))
    .flatMap((q) => q.reservedSlots)
    .filter((r) => r.slot >= 1 && r.slot <= slotCount)
    .map((r) => ({ ...r }));
}

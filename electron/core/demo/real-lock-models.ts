import type { VirtualLockSpec } from './virtual-stick';

/**
 * Virtual locks that run as real keypad-lock models: their real Z-Wave ids, so zwave-js loads each model's own device
 * file (node_modules/@zwave-js/config/config/devices/<manufacturer>/<file>), quirks included, and the virtual lock
 * answers every configuration parameter that file documents (device-file-params.ts). For tests: the demo site keeps
 * its neutral "Virtual …" locks.
 *
 * What each model is here for, and where its facts come from:
 * - Schlage/Allegion BE469, BE468, BE469ZP, BE468ZP, JBE109 (0x003b/be469.json, be468.json, be469zp.json,
 *   be468zp.json, jbe109.json): parameter 16 "User Code PIN Length" (4–8). The keypad takes exactly that length; a code
 *   of another length is acknowledged and not kept (keymaster issues #445 "a hard requirement", #525 on a BE469ZP).
 *   30 slots (param 6 "User Slot Bit Field", 30 bits).
 * - Schlage FE599 (0x003b/fe599nx.json): no PIN-length parameter, so Lockbench cannot know; its keypad takes 4–8.
 * - Yale YRD226/256/446 ZW2 (0x0129/yrc_yrd_226_246_256_446-zw2.json): reports 250 users; the file overrides the count to
 *   251 because slot 251 is the admin code, "not available otherwise in CC version 1". Here slot 251 reads as empty:
 *   the worst case, where nothing in zwave-js's picture keeps a code out of it but its being reserved.
 * - Yale P-KFCON-MOD (0x0129/yale_smart_door_lock_z-wave_module.json): claims 20 year-day slots per user; the file
 *   overrides that to 0 (it really has one daily-repeating slot each), so no native scheduling. 20 users (same comment).
 * - Yale YRD256-ZW3, YRD210, Kwikset 910, 916, HC620: no length facts in their files (Lockbench must learn); Kwikset's
 *   files document 30 "User Code N Type" parameters (30 slots); Kwikset keypads take 4–8 (keymaster #204, a 916).
 *
 * Simplifications, not claims about the products: security is S2 Access Control or none (the virtual stick has no S0;
 * models that use S0 in reality run without security here); command classes beyond identity, users, configuration
 * and scheduling follow the common keypad-lock set; battery levels are arbitrary.
 */
export const REAL_LOCK_MODELS: readonly VirtualLockSpec[] = [
  schlage(10, 'Schlage BE469', { manufacturerId: 0x003b, productType: 0x6341, productId: 0x5044 }, 6, false),
  schlage(11, 'Schlage BE468', { manufacturerId: 0x003b, productType: 0x6349, productId: 0x5044 }, 4, false),
  schlage(12, 'Schlage BE469ZP', { manufacturerId: 0x003b, productType: 0x0001, productId: 0x0469 }, 8, true),
  schlage(13, 'Schlage BE468ZP', { manufacturerId: 0x003b, productType: 0x0001, productId: 0x0468 }, 5, true),
  schlage(14, 'Schlage JBE109', { manufacturerId: 0x003b, productType: 0x0004, productId: 0x2109 }, 4, true),
  {
    ...base(15, 'Schlage FE599', 30, false),
    device: { manufacturerId: 0x003b, productType: 0x634b, productId: 0x504c },
  },
  {
    ...base(16, 'Yale YRD256 ZW2', 251, false),
    device: { manufacturerId: 0x0129, productType: 0x8002, productId: 0x0600 },
    reportedUserCount: 250,
  },
  {
    ...base(17, 'Yale YRD256-ZW3', 250, true),
    device: { manufacturerId: 0x0129, productType: 0x8002, productId: 0x46d5 },
    userCodeVersion: 2,
    nativeScheduling: true,
  },
  {
    ...base(18, 'Yale YRD210', 250, false),
    device: { manufacturerId: 0x0129, productType: 0x0004, productId: 0x0209 },
  },
  {
    ...base(19, 'Yale P-KFCON-MOD', 20, false),
    device: { manufacturerId: 0x0129, productType: 0x0007, productId: 0x0000 },
    nativeScheduling: true,
    claimedYearDaySlots: 20,
  },
  { ...base(20, 'Kwikset 910', 30, false), device: { manufacturerId: 0x0090, productType: 0x0001, productId: 0x0001 } },
  { ...base(21, 'Kwikset 916', 30, false), device: { manufacturerId: 0x0090, productType: 0x0001, productId: 0x0642 } },
  {
    ...base(22, 'Kwikset HC620', 250, true),
    device: { manufacturerId: 0x0090, productType: 0x0811, productId: 0x03a8 },
    userCodeVersion: 2,
  },
];

/** The common part: User Code v1, keypad 4–8 digits, no scheduling, steady radio, PINs readable. */
function base(nodeId: number, label: string, slotCount: number, secure: boolean): VirtualLockSpec {
  return {
    nodeId,
    label,
    slotCount,
    minCodeLength: 4,
    maxCodeLength: 8,
    nativeScheduling: false,
    secure,
    batteryLevel: 80,
    dropRate: 0,
    revealsCodes: true,
    userCodeVersion: 1,
  };
}

/** A Schlage with parameter 16 "User Code PIN Length" set to `pinLength` on the lock. */
function schlage(nodeId: number, label: string, device: NonNullable<VirtualLockSpec['device']>, pinLength: number, secure: boolean): VirtualLockSpec {
  return { ...base(nodeId, label, 30, secure), device, configValues: { 16: pinLength }, pinLengthParam: 16 };
}

import { DST_MODE, TIMEZONE_ID_NONE } from '../../nuki/protocol/config-codec';
import { NUKI_ID_TYPE } from '../../nuki/protocol/command-ids';
import { LOCK_STATE } from '../../nuki/protocol/keyturner-codec';
import { randomBytes as secureRandomBytes, type RandomSource } from '../../nuki/protocol/nuki-crypto';
import type { FieldCipher } from '../../secrets/field-cipher';
import { createNukiMemoryWriter, loadNukiLockMemory, memoryKeyOf } from './nuki-lock-memory';
import { toHex, type NukiLockMemory, type StoredSchedule } from './nuki-lock-state';
import { VirtualNukiLock } from './virtual-nuki-lock';
import { createVirtualNukiBleRadio, type VirtualNukiBleRadio, type VirtualNukiRadioTiming } from './virtual-nuki-radio';

/**
 * The demo site's virtual Nuki locks and the factory the app calls:
 *
 *   specs + state file ─▶ VirtualNukiLock per spec (memory from the file, else from the spec) ─▶ BleRadio
 *                                   └─ every change ─▶ coalesced atomic save (secrets sealed)
 */

/** A virtual Nuki lock as it leaves the factory (and as it was set up "elsewhere" before Lockbench met it). */
export interface VirtualNukiLockSpec {
  /** The door, also the lock's name in its config. */
  label: string;
  model: string;
  nukiId: number;
  /** BLE address, e.g. `54:D2:72:3C:88:62`. */
  address: string;
  /** 4 digits on Smart Lock 3.0/4.0; the installer types it. */
  securityPin: number;
  batteryPercent: number;
  keypadBatteryCritical?: boolean;
  firmwareVersion: [number, number, number];
  hardwareRevision: [number, number];
  /** dBm it is heard at. */
  rssi?: number;
  /** Keypad codes that fit (default 100). */
  codeCapacity?: number;
  /** Authorizations that fit (default 200). */
  maxAuthorizations?: number;
  /** Clients paired before Lockbench (the owner's Nuki app): the lock then already advertises its iBeacon. */
  otherAuthorizations?: Array<{ name: string; idType: number; appId: number }>;
  /** Keypad codes already on the lock at first start, made elsewhere (ids 1, 2, … in this order). */
  factoryCodes?: Array<{ code: string; name: string; createdAt: string; schedule?: StoredSchedule | null }>;
}

/** The demo lock's security PIN, shown to the installer by the demo. */
export const DEMO_NUKI_SECURITY_PIN = 1234;

/** The demo site's Nuki lock: a side gate with a Keypad 2, set up earlier with the Nuki app (two codes on it). */
export const DEMO_NUKI_LOCKS: readonly VirtualNukiLockSpec[] = [
  {
    label: 'Side gate',
    model: 'Nuki Smart Lock 3.0 Pro with Keypad 2',
    nukiId: 0x3c8862ed,
    address: '54:D2:72:3C:88:62',
    securityPin: DEMO_NUKI_SECURITY_PIN,
    batteryPercent: 80,
    keypadBatteryCritical: false,
    firmwareVersion: [3, 8, 6],
    hardwareRevision: [7, 2],
    rssi: -64,
    otherAuthorizations: [{ name: 'Nuki App (owner)', idType: NUKI_ID_TYPE.APP, appId: 0x2f6e41a7 }],
    factoryCodes: [
      { code: '468135', name: 'Family', createdAt: '2025-03-14T17:02:11Z' },
      {
        code: '735291',
        name: 'Gardener',
        createdAt: '2025-04-02T08:45:30Z',
        // Mondays and Thursdays, 07:00–12:00 lock time.
        schedule: { allowedFrom: null, allowedUntil: null, weekdays: 0x48, fromTime: { hour: 7, minute: 0 }, untilTime: { hour: 12, minute: 0 } },
      },
    ],
  },
];

/** The memory of a lock at its first start. */
export function createFactoryMemory(spec: VirtualNukiLockSpec, now: () => Date, random: RandomSource = secureRandomBytes): NukiLockMemory {
  const at = now().getTime();
  const others = spec.otherAuthorizations ?? [];
  const codes = spec.factoryCodes ?? [];
  return {
    nukiId: spec.nukiId,
    lockUuid: toHex(random(16)),
    securityPin: spec.securityPin,
    nextAuthId: others.length + 1,
    authorizations: others.map((a, i) => ({ ...a, authId: i + 1, sharedKey: toHex(random(32)), createdAt: at })),
    nextCodeId: codes.length + 1,
    keypadCodes: codes.map((c, i) => ({
      codeId: i + 1, code: c.code, name: c.name, enabled: true, dateCreated: Date.parse(c.createdAt), dateLastActive: null, lockCount: 0,
      schedule: c.schedule ?? null,
    })),
    config: {
      name: spec.label, latitude: 0, longitude: 0, autoUnlatch: false, pairingEnabled: true, buttonEnabled: true, ledEnabled: true,
      ledBrightness: 3, timezoneOffsetMinutes: 0, dstMode: DST_MODE.OFF, hasFob: false, fobActions: [0, 0, 0], singleLock: false,
      advertisingMode: 0, hasKeypad: true, firmwareVersion: spec.firmwareVersion, hardwareRevision: spec.hardwareRevision, homeKitStatus: 0,
      timezoneId: TIMEZONE_ID_NONE,
    },
    clockOffsetMs: 0,
    configUpdateCount: 0,
    battery: { percent: spec.batteryPercent, isCritical: false },
    keypadBatteryCritical: spec.keypadBatteryCritical ?? false,
    lockState: LOCK_STATE.LOCKED,
    loggingEnabled: true,
    nextLogIndex: 1,
    log: [],
  };
}

/** What the app passes. */
export interface VirtualNukiRadioOptions extends VirtualNukiRadioTiming {
  /** The JSON state file (none: nothing survives a restart). */
  stateFile: string | null;
  /** Seals PINs and shared keys in the file. */
  cipher?: FieldCipher | null;
  locks: readonly VirtualNukiLockSpec[];
  /** The real time (default: the system clock). */
  now?: () => Date;
  /** Random bytes for keys, challenges and UUIDs (default: the CSPRNG). */
  randomBytes?: RandomSource;
  /** Told when a save fails (default: logged). */
  onSaveError?: (error: unknown) => void;
}

/** The radio with its locks; `close` also writes the last changes. */
export interface VirtualNukiRadio extends VirtualNukiBleRadio {
  /** Resolves when every change so far is in the state file. */
  flush(): Promise<void>;
}

/**
 * Starts the virtual Nuki locks on a BleRadio: memory loaded from `stateFile` (a damaged file rejects `store.corrupt`,
 * a file sealed with another data key `secrets.unavailable`; neither is overwritten), saved after every change. Locks in the
 * file that no spec names are kept in it untouched.
 */
export async function createVirtualNukiRadio(options: VirtualNukiRadioOptions): Promise<VirtualNukiRadio> {
  const cipher = options.cipher ?? null;
  const stored = await loadNukiLockMemory(options.stateFile, cipher);
  const now = options.now ?? (() => new Date());
  const random = options.randomBytes ?? secureRandomBytes;
  const locks: VirtualNukiLock[] = [];
  const writer = createNukiMemoryWriter({
    file: options.stateFile,
    cipher,
    snapshot: () => ({ version: 1, locks: { ...stored.locks, ...Object.fromEntries(locks.map((l) => [memoryKeyOf(l.nukiId), l.snapshot()])) } }),
    onError: options.onSaveError,
  });
  let isNew = false;
  const entries = options.locks.map((spec) => {
    const kept = stored.locks[memoryKeyOf(spec.nukiId)];
    if (!kept) isNew = true;
    const memory = kept ?? createFactoryMemory(spec, now, random);
    const lock = new VirtualNukiLock({
      memory, now, random, codeCapacity: spec.codeCapacity, maxAuthorizations: spec.maxAuthorizations, onChange: () => writer.changed(),
    });
    locks.push(lock);
    return { lock, address: spec.address, rssi: spec.rssi };
  });
  const radio = createVirtualNukiBleRadio(entries, options);
  // A lock met for the first time is written at once (its factory keys and codes); a known one only when it changes.
  if (isNew) {
    writer.changed();
    await writer.flush();
  }
  return {
    ...radio,
    flush: () => writer.flush(),
    async close() {
      await radio.close();
      await writer.flush();
    },
  };
}

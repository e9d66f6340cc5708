import { ManualClock } from '../../ports/clock';
import type { PinWidth } from '../protocol/command-codec';
import { NUKI_GATT } from '../protocol/command-ids';
import type { NukiConfig } from '../protocol/config-codec';
import type { KeypadCodeEntry } from '../protocol/keypad-codes-codec';
import { createNukiClient } from './nuki-client';
import { openNukiChannel } from './nuki-channel';
import { createNukiSession } from './nuki-session';
import { ScriptedNukiLock } from './scripted-nuki-lock';

/**
 * Test fixtures for the Nuki client: a client wired to a ScriptedNukiLock over a FakeBleLink with a ManualClock,
 * and sample lock data. The values are written out here, not computed by the code under test.
 */

/** The security PIN the fixtures use; tests check it never shows up in an error. */
export const SECURITY_PIN = 4711;
/** A shared key whose hex is easy to search for in error text. */
export const SHARED_KEY = new Uint8Array(32).map((_, i) => 0xa0 + i);
/** The auth id the lock gave us. */
export const AUTH_ID = 0x1234;
/** Reply deadline in the fixtures. */
export const REPLY_TIMEOUT_MS = 3000;

/** A client on a scripted lock; `pageSize` for Request Keypad Codes. */
export async function startScriptedClient(options: { pinWidth?: PinWidth; pageSize?: number; securityPin?: number } = {}) {
  const lock = new ScriptedNukiLock(AUTH_ID, SHARED_KEY, options.pinWidth);
  const clock = new ManualClock('2025-06-01T12:00:00Z');
  const channel = await openNukiChannel({
    link: lock.link,
    service: NUKI_GATT.KEYTURNER_SERVICE,
    characteristic: NUKI_GATT.KEYTURNER_USDIO,
    framing: 'encrypted',
    clock,
  });
  const session = createNukiSession({ channel, credentials: { authId: AUTH_ID, sharedKey: SHARED_KEY }, pinWidth: options.pinWidth, replyTimeoutMs: REPLY_TIMEOUT_MS });
  const client = createNukiClient({ session, securityPin: options.securityPin ?? SECURITY_PIN, pageSize: options.pageSize });
  return { lock, clock, client };
}

/** A lock's config as Config 0x0015 carries it (Europe/London, keypad paired). */
export const SAMPLE_CONFIG: NukiConfig = {
  nukiId: 0x3c8862ed,
  name: 'Front door',
  latitude: 51.5,
  longitude: -0.125,
  autoUnlatch: false,
  pairingEnabled: true,
  buttonEnabled: true,
  ledEnabled: true,
  ledBrightness: 3,
  currentTime: new Date('2025-06-01T12:00:00Z'),
  timezoneOffsetMinutes: 60,
  dstMode: 1,
  hasFob: false,
  fobActions: [1, 2, 3],
  singleLock: false,
  advertisingMode: 0,
  hasKeypad: true,
  firmwareVersion: [3, 8, 4],
  hardwareRevision: [7, 1],
  homeKitStatus: 0,
  timezoneId: 40,
};

/** Keypad codes on the lock: two always-valid, one time-limited. */
export const SAMPLE_CODES: KeypadCodeEntry[] = [
  { codeId: 1, code: '356789', name: 'Cleaner', enabled: true, schedule: null, dateCreated: new Date('2025-01-01T10:00:00Z'), dateLastActive: null, lockCount: 4 },
  {
    codeId: 2,
    code: '987654',
    name: 'Guest 12',
    enabled: true,
    schedule: {
      allowedFrom: new Date('2025-06-01T14:00:00Z'),
      allowedUntil: new Date('2025-06-08T10:00:00Z'),
      weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
      fromTime: { hour: 8, minute: 0 },
      untilTime: { hour: 18, minute: 30 },
    },
    dateCreated: new Date('2025-05-30T09:00:00Z'),
    dateLastActive: null,
    lockCount: 0,
  },
  { codeId: 5, code: '445566', name: 'Owner', enabled: false, schedule: null, dateCreated: new Date('2024-11-11T11:11:11Z'), dateLastActive: null, lockCount: 0 },
];

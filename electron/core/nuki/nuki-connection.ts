import { CodedError } from '../../../shared/result';
import type { BleRadio } from '../ble/ble-radio';
import { systemClock, type Clock } from '../ports/clock';
import type { AttemptOutcome, LockClockSetting, LockConnection, SlotReading } from '../ports/lock-port';
import type { NukiClient } from './client/nuki-client';
import { putKeypadCodes, removeKeypadCode, type CodeSession } from './nuki-code-attempts';
import { slotReadingOf } from './nuki-code-fields';
import { createNukiLockLink, type NukiLockEntry, type NukiLockLink } from './nuki-lock-link';
import { nukiProfileOf } from './nuki-profile';
import { startFirstContacts } from './nuki-readiness';
import { readListFailureForPut, readRemovalFailure } from './nuki-refusals';
import { nukiTimeZoneFor } from './nuki-time-zone';
import { createKeypadUsageLog } from './nuki-usage-log';

/**
 * The lock port over Nuki locks on this computer's Bluetooth radio: a lock's address is its Bluetooth address, a code's
 * place is the id the lock gives it (`lock_ids`), and codes are proven by listing them (`list`).
 *
 *   queue / services ─▶ createNukiConnection ─▶ per lock: link (one session at a time, idle disconnect) ─▶ NukiClient
 *                                                   └─ after each session: new log entries ─▶ onCodeUsed
 */

/** What a Nuki connection is opened with. */
export interface NukiConnectionOptions {
  radio: BleRadio;
  /** The site's paired Nuki locks, secrets from the keychain. */
  locks: readonly NukiLockEntry[];
  now: () => Date;
  /** How long a lock's link stays open after a command (default 20 s); then it is dropped to spare its battery. */
  idleDisconnectMs?: number;
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
  /** Timers for the idle disconnect (default: the system clock). */
  clock?: Clock;
  onProgress?: (message: string) => void;
  /** Where each lock's log was read up to in an earlier run (see `logIndex`); default: from the oldest entry. */
  logStartIndexes?: Readonly<Record<string, number>>;
  /** Closes what is behind the connection as well (a virtual radio); default: nothing (the radio is shared). */
  onClose?: () => Promise<void>;
  /** Told when a lock refuses its security PIN (see NukiLockEntry.isPinRefused). */
  onPinRefused?: (address: string) => void;
  /** Told when a lock's log has been read further (keep the index: the next run's `logStartIndexes`). */
  onLogIndex?: (address: string, index: number) => void;
  /** Passed on as the port's onSiteReady (a virtual radio may start its faults there). */
  onSiteReady?: () => void;
}

/** The lock port for Nuki, plus where each lock's log was read up to (keep it for `logStartIndexes`). */
export interface NukiLockConnection extends LockConnection {
  logIndex(address: string): number;
}

/** Default time a link stays open after its last command. */
export const NUKI_IDLE_DISCONNECT_MS = 20_000;

/** Opens the connection; each lock's first contact (connect + Keyturner States) starts at once (see `readiness`). */
export function createNukiConnection(options: NukiConnectionOptions): NukiLockConnection {
  const addresses = options.locks.map((l) => l.address);
  const known = new Map<string, SlotReading[]>();
  const online = new Map<string, boolean>();
  const availabilityListeners = new Set<(address: string, isOnline: boolean) => void>();
  const usage = createKeypadUsageLog({ now: options.now, startIndexes: options.logStartIndexes });
  /** Commands sent to each lock when its log was last read: a session without commands since needs no new read. */
  const commandsAtLogRead = new Map<string, number>();

  const setOnline = (address: string, isOnline: boolean): void => {
    if (online.get(address) === isOnline) return;
    online.set(address, isOnline);
    for (const listener of [...availabilityListeners]) listener(address, isOnline);
  };
  const links = new Map<string, NukiLockLink>(
    options.locks.map((lock) => [
      lock.address,
      createNukiLockLink({
        radio: options.radio,
        lock,
        clock: options.clock ?? systemClock,
        idleDisconnectMs: options.idleDisconnectMs ?? NUKI_IDLE_DISCONNECT_MS,
        connectTimeoutMs: options.connectTimeoutMs,
        replyTimeoutMs: options.replyTimeoutMs,
        onAvailability: (isOnline) => setOnline(lock.address, isOnline),
        onPinRefused: () => options.onPinRefused?.(lock.address),
        beforeIdleDisconnect: async (client) => {
          if (commandsAtLogRead.get(lock.address) !== linkOf(lock.address).commandsSent()) await readLog(lock.address, client);
        },
      }),
    ]),
  );

  function linkOf(address: string): NukiLockLink {
    const link = links.get(address);
    if (!link) throw new CodedError('lock.not_found', `No paired Nuki lock at ${address} on this site.`, { address });
    return link;
  }
  async function readLog(address: string, client: NukiClient): Promise<void> {
    const before = usage.lastIndex(address);
    await usage.readNew(address, client);
    if (usage.lastIndex(address) !== before) options.onLogIndex?.(address, usage.lastIndex(address));
    commandsAtLogRead.set(address, linkOf(address).commandsSent());
  }
  const codeSession = (address: string, client: NukiClient): CodeSession => ({
    client,
    onListed: (entries) => known.set(address, entries.map(slotReadingOf)),
  });
  const session = <T>(address: string, work: (client: NukiClient) => Promise<T>): Promise<T> =>
    Promise.resolve().then(() => linkOf(address).session(work));

  const readiness = startFirstContacts(addresses, (address) => session(address, (c) => c.readStates()).then(() => true), options.onProgress);

  return {
    protocol: 'nuki',
    readiness,
    onSiteReady: options.onSiteReady,
    lockAddresses: () => [...addresses],
    readProfile: (address) =>
      session(address, async (client) => {
        const config = await client.readConfig();
        const states = await client.readStates();
        const codes = await client.listKeypadCodes();
        known.set(address, codes.map(slotReadingOf));
        await readLog(address, client);
        return nukiProfileOf({ address, config, states, codes, readAt: options.now() });
      }),
    knownCodes: (address) => [...(known.get(address) ?? [])],
    async readCode(address, slot) {
      try {
        return await session(address, async (client) => {
          const codes = await client.listKeypadCodes();
          known.set(address, codes.map(slotReadingOf));
          const entry = codes.find((c) => c.codeId === slot);
          return entry ? slotReadingOf(entry) : { slot, status: 'available' as const, code: null };
        });
      } catch {
        return null;
      }
    },
    async putCodes(address, puts, guard) {
      if (puts.length === 0) return new Map();
      try {
        return await session(address, (client) => putKeypadCodes(codeSession(address, client), puts, guard));
      } catch (error) {
        const outcome: AttemptOutcome = readListFailureForPut(error); // the lock was not reached: nothing was sent
        return new Map(puts.map((p) => [p.key, outcome]));
      }
    },
    async removeCode(address, removal, guard) {
      try {
        return await session(address, (client) => removeKeypadCode(codeSession(address, client), removal, guard));
      } catch (error) {
        return readRemovalFailure(error, false);
      }
    },
    setClock: (address, setting) => setLockClock(address, setting),
    async ping(address) {
      try {
        await session(address, (client) => client.readStates());
        return true;
      } catch {
        return false;
      }
    },
    commandsSent: () => [...links.values()].reduce((sum, link) => sum + link.commandsSent(), 0),
    onLockAvailability(listener) {
      availabilityListeners.add(listener);
      return () => availabilityListeners.delete(listener);
    },
    onCodeUsed: (listener) => usage.onUse((address, use) => listener(address, use.codeId, use.at)),
    // A radio has no stick to pull: a lock that goes away is reported by onLockAvailability.
    onDisconnected: () => () => undefined,
    logIndex: (address) => usage.lastIndex(address),
    async close() {
      readiness.dispose();
      await Promise.all([...links.values()].map((link) => link.close()));
      await options.onClose?.();
    },
  };

  /** Update Time (UTC, moved on by the time this call waited for the lock) then the time zone (read, modify, write). */
  async function setLockClock(address: string, setting: LockClockSetting): Promise<void> {
    const total = setting.offsetMinutes + (setting.dstOffsetMinutes ?? 0);
    if (Number.isNaN(setting.utc.getTime())) throw new CodedError('codes.invalid_window', 'The clock time is not a valid date', { field: 'utc' });
    if (!Number.isInteger(total) || Math.abs(total) > 14 * 60) {
      throw new CodedError('codes.invalid_window', 'The time-zone offset must be whole minutes within ±14 h', { field: 'offsetMinutes' });
    }
    const zone = nukiTimeZoneFor(setting);
    const calledAt = options.now().getTime();
    await session(address, async (client) => {
      await client.updateTime(new Date(setting.utc.getTime() + (options.now().getTime() - calledAt)));
      await client.setTimeZone(zone);
    });
  }
}

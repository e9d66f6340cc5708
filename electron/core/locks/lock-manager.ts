import type { LockProfile } from '../../../shared/domain/lock';
import type { LockAddress, LockProtocol } from '../../../shared/domain/lock-address';
import { protocolOf, type Connection, type Site, type SiteState } from '../../../shared/domain/site';
import { CodedError, isCodedError } from '../../../shared/result';
import type { LockConnection } from '../ports/lock-port';
import type { OpenConnection } from './controller';
import { siteStatusOf, type ConnectionStatus } from './site-status';

/** A site's live connection state, with the reason when it failed. */
export interface SiteStatus {
  state: SiteState;
  message: string | null;
}

/** What changed, for the services above to push to the UI. */
export type LockManagerChange =
  | { kind: 'site'; siteId: string }
  /** A lock's profile or availability changed; also once when its first contact is over and it can be used (isLockReady). */
  | { kind: 'lock'; siteId: string; lock: LockAddress }
  | { kind: 'progress'; siteId: string; message: string }
  /** A keypad unlock with the code at `slot`, reported by the lock (proof that a code works). */
  | { kind: 'keypad'; siteId: string; lock: LockAddress; slot: number; at: Date };

/**
 * Owns every lock connection — a site may hold several at once, one per protocol (its Z-Wave stick and this computer's
 * Bluetooth radio) — and the last-read profile of each lock on them. The layer between the lock port (whatever the
 * protocol) and the services: connects, notices locks coming and going and a stick being pulled.
 *
 *   connect ─▶ site `connecting` ─▶ each connection opens ─┬─ lock 2 ready ─▶ profile read ─▶ isLockReady, change 'lock'
 *                                                            ├─ lock 3 …                                     (one by one)
 *                                                            └─ every lock settled ─▶ that connection ready
 *   every connection ready ─▶ site `ready` ─▶ connect resolves
 */
export interface LockManager {
  /** Opens each of the site's connections not open yet; resolves once every lock on them settled (site `ready`). */
  connect(site: Site): Promise<void>;
  /**
   * Closes and opens again one of the site's connections (its locks changed: a lock was paired); `whileClosed` runs
   * in between, when nothing of that connection talks to its locks (e.g. checking a lock's new security PIN).
   */
  reconnect(site: Site, protocol: LockProtocol, whileClosed?: () => Promise<void>): Promise<void>;
  disconnect(siteId: string): Promise<void>;
  status(siteId: string): SiteStatus;
  /** The site's open connection for a protocol (from the moment it is open), or a CodedError `site.not_connected`. */
  connection(siteId: string, protocol: LockProtocol): LockConnection;
  /** True when the lock's connection is open and its first contact is over (answered, or given up on and offline). */
  isLockReady(siteId: string, lock: LockAddress): boolean;
  /** The lock profile as last read (only for ready locks), or null. */
  profile(siteId: string, lock: LockAddress): LockProfile | null;
  /** Reads the lock's profile again (radio) and keeps it; `lock.not_ready` while its first contact goes on. */
  refreshProfile(siteId: string, lock: LockAddress): Promise<LockProfile>;
  /** The locks on a connected site's connections (while they connect, locks still being contacted are included). */
  lockAddresses(siteId: string): LockAddress[];
  onChange(listener: (change: LockManagerChange) => void): () => void;
  /** Closes every connection, also one still opening; connects nothing afterwards (the app is closing). */
  closeAll(): Promise<void>;
}

/** Options for createLockManager. */
export interface LockManagerOptions {
  /** The app's clock, for `offlineSince` (default: the system clock). */
  now?: () => Date;
}

interface Connected {
  connection: LockConnection;
  profiles: Map<string, LockProfile>;
  /** Locks whose first contact is over and whose profile read was attempted. */
  ready: Set<string>;
  unsubscribe: Array<() => void>;
  /** Resolves with the reason when the connection is dropped (disconnect, stick pulled, close). */
  dropped: Promise<string>;
  drop: (reason: string) => void;
}

/** An open that was cancelled (disconnect, closeAll) while its connection was starting. */
class CancelledOpen extends Error {}

/** One connection of one site: the lock manager's unit of opening and closing. */
const keyOf = (siteId: string, protocol: LockProtocol) => `${siteId}\u0000${protocol}`;

/** Creates the lock manager over a connection opener (a Z-Wave stick — serial, TCP or virtual — or a Bluetooth radio). */
export function createLockManager(openConnection: OpenConnection, options: LockManagerOptions = {}): LockManager {
  const now = options.now ?? (() => new Date());
  const connected = new Map<string, Connected>();
  const statuses = new Map<string, ConnectionStatus>();
  const pending = new Map<string, Promise<void>>();
  /** Bumped by disconnect and closeAll: an open still starting its connection then closes it instead of using it. */
  const generations = new Map<string, number>();
  const generation = (key: string) => generations.get(key) ?? 0;
  const cancelOpen = (key: string) => generations.set(key, generation(key) + 1);
  let isClosed = false;
  const listeners = new Set<(change: LockManagerChange) => void>();
  const notify = (change: LockManagerChange) => listeners.forEach((l) => l(change));
  const keysOf = (siteId: string) => [...statuses.keys()].filter((k) => k.startsWith(`${siteId}\u0000`));
  const setStatus = (siteId: string, protocol: LockProtocol, state: SiteState, message: string | null = null) => {
    statuses.set(keyOf(siteId, protocol), { protocol, state, message });
    notify({ kind: 'site', siteId });
  };
  /** Keeps `offlineSince` true: the first moment the lock was seen not answering, null while it answers. */
  const stamped = (profile: LockProfile, before: LockProfile | undefined): LockProfile => ({
    ...profile,
    offlineSince: profile.isOnline ? null : (before?.offlineSince ?? now().toISOString()),
  });

  async function open(site: Site, connectionSpec: Connection): Promise<void> {
    const protocol = protocolOf(connectionSpec);
    const key = keyOf(site.id, protocol);
    setStatus(site.id, protocol, 'connecting');
    const progress = (message: string) => notify({ kind: 'progress', siteId: site.id, message });
    const startedAs = generation(key);
    let entry: Connected | null = null;
    try {
      const connection = await openConnection(site, connectionSpec, progress);
      if (generation(key) !== startedAs || isClosed) {
        await connection.close().catch(() => {});
        throw new CancelledOpen();
      }
      let drop!: (reason: string) => void;
      const dropped = new Promise<string>((resolve) => (drop = resolve));
      entry = { connection, profiles: new Map(), ready: new Set(), unsubscribe: [], dropped, drop };
      connected.set(key, entry);
      follow(site.id, key, entry);
      await settleLocks(site.id, key, entry, progress);
      if (connected.get(key) !== entry) {
        throw new CodedError('transport.disconnected', `The connection closed while its locks were being contacted: ${await entry.dropped}`);
      }
      setStatus(site.id, protocol, 'ready');
      connection.onSiteReady?.();
    } catch (error) {
      // Dropped or cancelled while connecting: whoever did it (disconnect, the stick going away, closing) set the state.
      if (error instanceof CancelledOpen) throw new CodedError('transport.disconnected', 'The connection was closed while it was opening.');
      if (entry && connected.get(key) !== entry) throw error;
      if (entry) await drop(key, 'failed to connect');
      setStatus(site.id, protocol, 'failed', error instanceof Error ? error.message : String(error));
      throw isCodedError(error) ? error : new CodedError('transport.open_failed', `Could not open the connection: ${String(error)}`);
    }
  }

  /** Availability, keypad unlocks and the connection going away, for as long as it lasts. */
  function follow(siteId: string, key: string, entry: Connected): void {
    const { connection } = entry;
    const lockAt = (address: string): LockAddress => ({ protocol: connection.protocol, address });
    entry.unsubscribe.push(
      connection.onLockAvailability((address, isOnline) => {
        const profile = entry.profiles.get(address);
        if (profile) entry.profiles.set(address, stamped({ ...profile, isOnline }, profile));
        notify({ kind: 'lock', siteId, lock: lockAt(address) });
      }),
      connection.onCodeUsed((address, slot, at) => notify({ kind: 'keypad', siteId, lock: lockAt(address), slot, at })),
      connection.onDisconnected((reason) => {
        void drop(key, reason).then(() => setStatus(siteId, connection.protocol, 'failed', `The controller went away: ${reason}`));
      }),
    );
  }

  /** Reads each lock's profile as soon as its first contact is over; resolves when every lock is done (or dropped). */
  async function settleLocks(siteId: string, key: string, entry: Connected, progress: (message: string) => void): Promise<void> {
    const { connection } = entry;
    const { readiness } = connection;
    const reads: Promise<void>[] = [];
    const settle = (address: string) => reads.push(readWhenSettled(siteId, key, entry, address, progress));
    if (!readiness) connection.lockAddresses().forEach(settle);
    else {
      entry.unsubscribe.push(readiness.onSettled((address) => settle(address)));
      for (const address of connection.lockAddresses()) if (readiness.settlement(address) !== null) settle(address);
      await Promise.race([readiness.allSettled(), entry.dropped]);
    }
    await Promise.race([Promise.all(reads), entry.dropped]);
  }

  async function readWhenSettled(siteId: string, key: string, entry: Connected, address: string, progress: (message: string) => void): Promise<void> {
    const { connection } = entry;
    if (!connection.lockAddresses().includes(address)) return; // contacted, and not a lock
    progress(`Reading lock ${address}…`);
    try {
      const profile = await connection.readProfile(address);
      entry.profiles.set(address, stamped(profile, entry.profiles.get(address)));
    } catch (error) {
      progress(
        isCodedError(error) && error.code === 'lock.bad_security_pin'
          ? `Lock ${address} refused its security PIN: give it again on the door.`
          : `Lock ${address} is not answering; Lockbench keeps asking it, or run its check when it is near.`,
      );
    }
    if (connected.get(key) !== entry) return;
    entry.ready.add(address);
    notify({ kind: 'lock', siteId, lock: { protocol: connection.protocol, address } });
  }

  async function drop(key: string, reason: string): Promise<void> {
    const entry = connected.get(key);
    if (!entry) return;
    connected.delete(key);
    entry.drop(reason);
    entry.unsubscribe.forEach((u) => u());
    await entry.connection.close().catch(() => {});
  }

  const entryFor = (siteId: string, lock: LockAddress) => connected.get(keyOf(siteId, lock.protocol));
  const need = (siteId: string, protocol: LockProtocol): Connected => {
    const entry = connected.get(keyOf(siteId, protocol));
    if (!entry) throw new CodedError('site.not_connected', 'This site is not connected. Connect its controller first.');
    return entry;
  };

  /** Opens one connection of a site unless it is open or opening. */
  function openOnce(site: Site, spec: Connection): Promise<void> {
    const key = keyOf(site.id, protocolOf(spec));
    const running = pending.get(key);
    if (running) return running;
    if (connected.has(key)) return Promise.resolve();
    const opening = open(site, spec).finally(() => pending.delete(key));
    pending.set(key, opening);
    return opening;
  }

  return {
    async connect(site) {
      if (isClosed) throw new CodedError('transport.disconnected', 'Lockbench is closing.');
      const results = await Promise.allSettled(site.connections.map((spec) => openOnce(site, spec)));
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) throw failure.reason;
    },
    async reconnect(site, protocol, whileClosed) {
      const spec = site.connections.find((c) => protocolOf(c) === protocol);
      const key = keyOf(site.id, protocol);
      cancelOpen(key);
      await pending.get(key)?.catch(() => undefined);
      await drop(key, 'reconnecting');
      try {
        await whileClosed?.();
      } finally {
        if (spec && !isClosed) await openOnce(site, spec);
      }
    },
    async disconnect(siteId) {
      for (const key of keysOf(siteId)) {
        cancelOpen(key);
        await drop(key, 'disconnected');
        const status = statuses.get(key)!;
        statuses.set(key, { ...status, state: 'disconnected', message: null });
      }
      notify({ kind: 'site', siteId });
    },
    status: (siteId) => siteStatusOf(keysOf(siteId).map((k) => statuses.get(k)!)),
    connection: (siteId, protocol) => need(siteId, protocol).connection,
    isLockReady: (siteId, lock) => entryFor(siteId, lock)?.ready.has(lock.address) ?? false,
    profile(siteId, lock) {
      const entry = entryFor(siteId, lock);
      const profile = entry?.profiles.get(lock.address);
      if (!entry || !profile) return null;
      // Codes on the lock change with every code; the driver knows them without a radio command.
      const occupied = entry.connection.knownCodes(lock.address).filter((s) => s.status === 'enabled' || s.status === 'disabled');
      return { ...profile, occupiedSlots: occupied.map((s) => s.slot) };
    },
    async refreshProfile(siteId, lock) {
      const entry = need(siteId, lock.protocol);
      if (!entry.ready.has(lock.address)) {
        throw new CodedError('lock.not_ready', `Lock ${lock.address} is still being contacted; it can be used in a moment.`, { address: lock.address });
      }
      const profile = stamped(await entry.connection.readProfile(lock.address), entry.profiles.get(lock.address));
      entry.profiles.set(lock.address, profile);
      notify({ kind: 'lock', siteId, lock });
      return profile;
    },
    lockAddresses: (siteId) =>
      keysOf(siteId).flatMap((k) => {
        const c = connected.get(k)?.connection;
        return c ? c.lockAddresses().map((address) => ({ protocol: c.protocol, address })) : [];
      }),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async closeAll() {
      isClosed = true;
      await Promise.all([...connected.keys()].map((k) => drop(k, 'Lockbench is closing')));
    },
  };
}

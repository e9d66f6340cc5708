import type { LockProfile } from '../../../shared/domain/lock';
import type { Site, SiteState } from '../../../shared/domain/site';
import { CodedError, isCodedError } from '../../../shared/result';
import type { LockNetwork } from '../zwave/lock-network';
import type { OpenController, OpenedController } from './controller';

/** A site's live connection state, with the reason when it failed. */
export interface SiteStatus {
  state: SiteState;
  message: string | null;
}

/** What changed, for the services above to push to the UI. */
export type LockManagerChange =
  | { kind: 'site'; siteId: string }
  /** A lock's profile or availability changed; also once when its interview is over and it can be used (isLockReady). */
  | { kind: 'lock'; siteId: string; nodeId: number }
  | { kind: 'progress'; siteId: string; message: string }
  /** A keypad unlock by a user slot, reported by the lock (proof that a code works). */
  | { kind: 'keypad'; siteId: string; nodeId: number; slot: number; at: Date };

/**
 * Owns every controller connection (one per site) and the last-read profile of each lock on it. The layer between
 * the Z-Wave network and the services: connects, notices locks coming and going and the stick being pulled.
 *
 *   connect ─▶ site `connecting` ─▶ controller open ─┬─ lock 2 interviewed ─▶ profile read ─▶ isLockReady, change 'lock'
 *                                                    ├─ lock 3 …                                        (one by one)
 *                                                    └─ every lock settled ─▶ site `ready` ─▶ connect resolves
 */
export interface LockManager {
  /** Opens the site's controller; resolves once every lock on it is interviewed or given up on (site `ready`). */
  connect(site: Site): Promise<void>;
  disconnect(siteId: string): Promise<void>;
  status(siteId: string): SiteStatus;
  /** The site's open network (from the moment the controller is open), or a CodedError `site.not_connected`. */
  network(siteId: string): LockNetwork;
  /**
   * True when the site's controller is open and this lock's interview is over — it answered, or was given up on and is
   * offline — so commands may go to it. Locks become ready one by one while the site is still `connecting`.
   */
  isLockReady(siteId: string, nodeId: number): boolean;
  /** The lock profile as last read (only for ready locks), or null. */
  profile(siteId: string, nodeId: number): LockProfile | null;
  /** Reads the lock's profile again (radio) and keeps it; `zwave.not_ready` while its interview goes on. */
  refreshProfile(siteId: string, nodeId: number): Promise<LockProfile>;
  /** Node ids of the locks on a connected site (while it connects, nodes still being interviewed are included). */
  lockNodeIds(siteId: string): number[];
  onChange(listener: (change: LockManagerChange) => void): () => void;
  /** Closes every controller, also one still opening; connects nothing afterwards (the app is closing). */
  closeAll(): Promise<void>;
}

/** Options for createLockManager. */
export interface LockManagerOptions {
  /** The app's clock, for `offlineSince` (default: the system clock). */
  now?: () => Date;
}

interface Connected {
  controller: OpenedController;
  profiles: Map<number, LockProfile>;
  /** Locks whose interview is over and whose profile read was attempted. */
  ready: Set<number>;
  unsubscribe: Array<() => void>;
  /** Resolves with the reason when the connection is dropped (disconnect, stick pulled, close). */
  dropped: Promise<string>;
  drop: (reason: string) => void;
}

/** An open that was cancelled (disconnect, closeAll) while its controller was starting. */
class CancelledOpen extends Error {}

/** Creates the lock manager over a controller opener (real serial/TCP or the virtual stick). */
export function createLockManager(openController: OpenController, options: LockManagerOptions = {}): LockManager {
  const now = options.now ?? (() => new Date());
  const connected = new Map<string, Connected>();
  const statuses = new Map<string, SiteStatus>();
  const pending = new Map<string, Promise<void>>();
  /** Bumped by disconnect and closeAll: an open still starting its controller then closes it instead of using it. */
  const generations = new Map<string, number>();
  const generation = (siteId: string) => generations.get(siteId) ?? 0;
  const cancelOpen = (siteId: string) => generations.set(siteId, generation(siteId) + 1);
  let isClosed = false;
  const listeners = new Set<(change: LockManagerChange) => void>();
  const notify = (change: LockManagerChange) => listeners.forEach((l) => l(change));
  const setStatus = (siteId: string, state: SiteState, message: string | null = null) => {
    statuses.set(siteId, { state, message });
    notify({ kind: 'site', siteId });
  };
  /** Keeps `offlineSince` true: the first moment the lock was seen not answering, null while it answers. */
  const stamped = (profile: LockProfile, before: LockProfile | undefined): LockProfile => ({
    ...profile,
    offlineSince: profile.isOnline ? null : (before?.offlineSince ?? now().toISOString()),
  });

  async function open(site: Site): Promise<void> {
    setStatus(site.id, 'connecting');
    const progress = (message: string) => notify({ kind: 'progress', siteId: site.id, message });
    const startedAs = generation(site.id);
    let entry: Connected | null = null;
    try {
      const controller = await openController(site.connection, progress);
      if (generation(site.id) !== startedAs || isClosed) {
        await controller.close().catch(() => {});
        throw new CancelledOpen();
      }
      let drop!: (reason: string) => void;
      const dropped = new Promise<string>((resolve) => (drop = resolve));
      entry = { controller, profiles: new Map(), ready: new Set(), unsubscribe: [], dropped, drop };
      connected.set(site.id, entry);
      follow(site.id, entry);
      await interviewLocks(site.id, entry, progress);
      if (connected.get(site.id) !== entry) {
        throw new CodedError('transport.disconnected', `The controller closed while its locks were being interviewed: ${await entry.dropped}`);
      }
      setStatus(site.id, 'ready');
      controller.onSiteReady?.();
    } catch (error) {
      // Dropped or cancelled while connecting: whoever did it (disconnect, the stick going away, closing) set the state.
      if (error instanceof CancelledOpen) throw new CodedError('transport.disconnected', 'The controller was closed while it was opening.');
      if (entry && connected.get(site.id) !== entry) throw error;
      if (entry) await drop(site.id, 'failed to connect');
      setStatus(site.id, 'failed', error instanceof Error ? error.message : String(error));
      throw isCodedError(error) ? error : new CodedError('transport.open_failed', `Could not open the controller: ${String(error)}`);
    }
  }

  /** Availability, keypad unlocks and the controller going away, for as long as the connection lasts. */
  function follow(siteId: string, entry: Connected): void {
    const { network } = entry.controller;
    entry.unsubscribe.push(
      network.onLockAvailability((nodeId, isOnline) => {
        const profile = entry.profiles.get(nodeId);
        if (profile) entry.profiles.set(nodeId, stamped({ ...profile, isOnline }, profile));
        notify({ kind: 'lock', siteId, nodeId });
      }),
      network.onKeypadUnlock((nodeId, slot, at) => notify({ kind: 'keypad', siteId, nodeId, slot, at })),
      network.onDisconnected((reason) => {
        void drop(siteId, reason).then(() => setStatus(siteId, 'failed', `The controller went away: ${reason}`));
      }),
    );
  }

  /** Reads each lock's profile as soon as its interview is over; resolves when every lock is done (or the site dropped). */
  async function interviewLocks(siteId: string, entry: Connected, progress: (message: string) => void): Promise<void> {
    const { network, readiness } = entry.controller;
    const reads: Promise<void>[] = [];
    const settle = (nodeId: number) => reads.push(readWhenSettled(siteId, entry, nodeId, progress));
    if (!readiness) network.lockNodeIds().forEach(settle);
    else {
      entry.unsubscribe.push(readiness.onSettled((nodeId) => settle(nodeId)));
      for (const nodeId of network.lockNodeIds()) if (readiness.settlement(nodeId) !== null) settle(nodeId);
      await Promise.race([readiness.allSettled(), entry.dropped]);
    }
    await Promise.race([Promise.all(reads), entry.dropped]);
  }

  async function readWhenSettled(siteId: string, entry: Connected, nodeId: number, progress: (message: string) => void): Promise<void> {
    const { network } = entry.controller;
    if (!network.lockNodeIds().includes(nodeId)) return; // interviewed, and not a lock
    progress(`Reading lock ${nodeId}…`);
    try {
      const profile = await network.readProfile(nodeId);
      entry.profiles.set(nodeId, stamped(profile, entry.profiles.get(nodeId)));
    } catch {
      progress(`Lock ${nodeId} is not answering; Lockbench keeps asking it, or run its check when it is near.`);
    }
    if (connected.get(siteId) !== entry) return;
    entry.ready.add(nodeId);
    notify({ kind: 'lock', siteId, nodeId });
  }

  async function drop(siteId: string, reason: string): Promise<void> {
    const entry = connected.get(siteId);
    if (!entry) return;
    connected.delete(siteId);
    entry.drop(reason);
    entry.unsubscribe.forEach((u) => u());
    await entry.controller.close().catch(() => {});
  }

  const need = (siteId: string): Connected => {
    const entry = connected.get(siteId);
    if (!entry) throw new CodedError('site.not_connected', 'This site is not connected. Connect its controller first.');
    return entry;
  };

  return {
    async connect(site) {
      if (isClosed) throw new CodedError('transport.disconnected', 'Lockbench is closing.');
      const running = pending.get(site.id);
      if (running) return running;
      if (connected.has(site.id)) return;
      const opening = open(site).finally(() => pending.delete(site.id));
      pending.set(site.id, opening);
      return opening;
    },
    async disconnect(siteId) {
      cancelOpen(siteId);
      await drop(siteId, 'disconnected');
      setStatus(siteId, 'disconnected');
    },
    status: (siteId) => statuses.get(siteId) ?? { state: 'disconnected', message: null },
    network: (siteId) => need(siteId).controller.network,
    isLockReady: (siteId, nodeId) => connected.get(siteId)?.ready.has(nodeId) ?? false,
    profile(siteId, nodeId) {
      const entry = connected.get(siteId);
      const profile = entry?.profiles.get(nodeId);
      if (!entry || !profile) return null;
      // Slots in use change with every code; zwave-js's cache has them without a radio command.
      const occupied = entry.controller.network.cachedSlots(nodeId).filter((s) => s.status === 'enabled' || s.status === 'disabled');
      return { ...profile, occupiedSlots: occupied.map((s) => s.slot) };
    },
    async refreshProfile(siteId, nodeId) {
      const entry = need(siteId);
      if (!entry.ready.has(nodeId)) {
        throw new CodedError('zwave.not_ready', `Lock ${nodeId} is still being interviewed; it can be used in a moment.`, { nodeId });
      }
      const profile = stamped(await entry.controller.network.readProfile(nodeId), entry.profiles.get(nodeId));
      entry.profiles.set(nodeId, profile);
      notify({ kind: 'lock', siteId, nodeId });
      return profile;
    },
    lockNodeIds: (siteId) => connected.get(siteId)?.controller.network.lockNodeIds() ?? [],
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async closeAll() {
      isClosed = true;
      await Promise.all([...connected.keys()].map((id) => drop(id, 'Lockbench is closing')));
    },
  };
}

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
  | { kind: 'lock'; siteId: string; nodeId: number }
  | { kind: 'progress'; siteId: string; message: string }
  /** A keypad unlock by a user slot, reported by the lock (proof that a code works). */
  | { kind: 'keypad'; siteId: string; nodeId: number; slot: number; at: Date };

/**
 * Owns every controller connection (one per site) and the last-read profile of each lock on it. The layer between
 * the Z-Wave network and the services: connects, notices locks coming and going and the stick being pulled.
 */
export interface LockManager {
  connect(site: Site): Promise<void>;
  disconnect(siteId: string): Promise<void>;
  status(siteId: string): SiteStatus;
  /** The site's open network, or a CodedError `site.not_connected`. */
  network(siteId: string): LockNetwork;
  /** The lock profile as last read, or null. */
  profile(siteId: string, nodeId: number): LockProfile | null;
  /** Reads the lock's profile again (radio) and keeps it. */
  refreshProfile(siteId: string, nodeId: number): Promise<LockProfile>;
  /** Node ids of the locks on a connected site. */
  lockNodeIds(siteId: string): number[];
  onChange(listener: (change: LockManagerChange) => void): () => void;
  closeAll(): Promise<void>;
}

interface Connected {
  controller: OpenedController;
  profiles: Map<number, LockProfile>;
  unsubscribe: Array<() => void>;
}

/** Creates the lock manager over a controller opener (real serial/TCP or the virtual stick). */
export function createLockManager(openController: OpenController): LockManager {
  const connected = new Map<string, Connected>();
  const statuses = new Map<string, SiteStatus>();
  const pending = new Map<string, Promise<void>>();
  const listeners = new Set<(change: LockManagerChange) => void>();
  const notify = (change: LockManagerChange) => listeners.forEach((l) => l(change));
  const setStatus = (siteId: string, state: SiteState, message: string | null = null) => {
    statuses.set(siteId, { state, message });
    notify({ kind: 'site', siteId });
  };

  async function open(site: Site): Promise<void> {
    setStatus(site.id, 'connecting');
    try {
      const controller = await openController(site.connection, (message) => notify({ kind: 'progress', siteId: site.id, message }));
      const entry: Connected = { controller, profiles: new Map(), unsubscribe: [] };
      const { network } = controller;
      for (const nodeId of network.lockNodeIds()) {
        notify({ kind: 'progress', siteId: site.id, message: `Reading lock ${nodeId}…` });
        try {
          entry.profiles.set(nodeId, await network.readProfile(nodeId));
        } catch {
          notify({ kind: 'progress', siteId: site.id, message: `Lock ${nodeId} did not answer; run its capability check later.` });
        }
      }
      entry.unsubscribe.push(
        network.onLockAvailability((nodeId, isOnline) => {
          const profile = entry.profiles.get(nodeId);
          if (profile) entry.profiles.set(nodeId, { ...profile, isOnline });
          notify({ kind: 'lock', siteId: site.id, nodeId });
        }),
        network.onKeypadUnlock((nodeId, slot, at) => notify({ kind: 'keypad', siteId: site.id, nodeId, slot, at })),
        network.onDisconnected((reason) => {
          void drop(site.id).then(() => setStatus(site.id, 'failed', `The controller went away: ${reason}`));
        }),
      );
      connected.set(site.id, entry);
      setStatus(site.id, 'ready');
    } catch (error) {
      setStatus(site.id, 'failed', error instanceof Error ? error.message : String(error));
      throw isCodedError(error) ? error : new CodedError('transport.open_failed', `Could not open the controller: ${String(error)}`);
    }
  }

  async function drop(siteId: string): Promise<void> {
    const entry = connected.get(siteId);
    if (!entry) return;
    connected.delete(siteId);
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
      if (connected.has(site.id)) return;
      const running = pending.get(site.id) ?? open(site).finally(() => pending.delete(site.id));
      pending.set(site.id, running);
      return running;
    },
    async disconnect(siteId) {
      await drop(siteId);
      setStatus(siteId, 'disconnected');
    },
    status: (siteId) => statuses.get(siteId) ?? { state: 'disconnected', message: null },
    network: (siteId) => need(siteId).controller.network,
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
      const profile = await entry.controller.network.readProfile(nodeId);
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
      await Promise.all([...connected.keys()].map((id) => drop(id)));
    },
  };
}

import type { CapabilityReport } from '../../../shared/domain/capability';
import type { Door, DoorView } from '../../../shared/domain/door';
import type { Connection, Site, SiteView } from '../../../shared/domain/site';
import { buildCapabilityReport } from '../../../shared/capability/capability-report';
import { isKnownTimeZone, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import type { ShardedStore } from '../store/store-v2';

/** What the site service needs. */
export interface SiteServiceDeps {
  store: ShardedStore;
  locks: LockManager;
  now: () => Date;
  newId: () => string;
  /** The computer's own IANA zone, the default for a new site. */
  defaultTimeZone: string;
  /** A door's first name: e.g. the demo site's "Front door", else "Door 5". */
  defaultDoorName: (connection: Connection, nodeId: number) => string;
  /** Called after a site connects and its doors exist (the code service resumes interrupted work). */
  onSiteReady: (siteId: string) => void;
  onDoorsChanged: (doors: DoorView[]) => void;
}

/** Sites (controllers) and the doors on them, with the capability check. */
export interface SiteService {
  list(): SiteView[];
  connect(input: { connection: Connection; name?: string; timeZone?: string }): Promise<SiteView>;
  disconnect(siteId: string): Promise<SiteView>;
  view(siteId: string): SiteView;
  doors(siteId: string): DoorView[];
  doorView(door: Door): DoorView;
  rename(doorId: string, name: string): Promise<DoorView>;
  update(siteId: string, change: { name?: string; timeZone?: string }): Promise<SiteView>;
  /** Sets the lock's clock to now and its time zone offset to the site's current offset. */
  setClock(doorId: string): Promise<DoorView>;
  check(doorId: string): Promise<CapabilityReport>;
}

const sameConnection = (a: Connection, b: Connection) => JSON.stringify(a) === JSON.stringify(b);

function siteName(c: Connection): string {
  if (c.kind === 'demo') return 'Demo site';
  return c.kind === 'serial' ? `Site on ${c.path}` : `Site on ${c.url.slice('tcp://'.length)}`;
}

/** Creates the site service over the store and the lock manager. */
export function createSiteService(deps: SiteServiceDeps): SiteService {
  const { locks } = deps;
  const index = deps.store.index;
  const site = (id: string): Site => {
    const found = index.read().sites.find((s) => s.id === id);
    if (!found) throw new CodedError('site.not_found', 'This site does not exist (any more).');
    return found;
  };
  const view = (s: Site): SiteView => {
    const status = locks.status(s.id);
    return { ...structuredClone(s), state: status.state, stateMessage: status.message, pastEndOnLock: [] };
  };
  const doorView = (d: Door): DoorView => {
    const live = locks.profile(d.siteId, d.nodeId);
    const lock = live ?? (d.lastProfile ? { ...d.lastProfile, isOnline: false } : null);
    const isConnected = locks.status(d.siteId).state === 'ready' && (lock?.isOnline ?? false);
    const { lastProfile: _stored, ...door } = structuredClone(d);
    return { ...door, isConnected, lock: lock ? structuredClone(lock) : null, demoFault: null };
  };
  /** Keeps each connected lock's profile on its door, so codes can be queued for it while it is away. */
  const rememberProfiles = async (siteId: string): Promise<void> => {
    await index.update((data) => {
      for (const d of data.doors.filter((x) => x.siteId === siteId)) {
        const profile = locks.profile(siteId, d.nodeId);
        if (profile) d.lastProfile = structuredClone(profile);
      }
    });
  };
  const doorsOf = (siteId: string) => index.read().doors.filter((d) => d.siteId === siteId);

  async function ensureDoors(s: Site): Promise<void> {
    const missing = locks.lockNodeIds(s.id).filter((nodeId) => !doorsOf(s.id).some((d) => d.nodeId === nodeId));
    if (missing.length === 0) return;
    const at = deps.now().toISOString();
    await index.update((data) => {
      for (const nodeId of missing) {
        data.doors.push({ id: deps.newId(), siteId: s.id, nodeId, name: deps.defaultDoorName(s.connection, nodeId), createdAt: at, lastProfile: null, learned: { acceptedLengths: [], refusedLengths: [] } });
      }
    });
  }

  async function findOrCreate(input: { connection: Connection; name?: string; timeZone?: string }): Promise<Site> {
    if (input.timeZone !== undefined && !isKnownTimeZone(input.timeZone)) {
      throw new CodedError('ipc.invalid_request', `timeZone: "${input.timeZone}" is not an IANA time zone (e.g. Europe/Berlin).`);
    }
    const existing = index.read().sites.find((s) => sameConnection(s.connection, input.connection));
    if (existing) return existing;
    const created: Site = {
      id: input.connection.kind === 'demo' ? 'demo' : deps.newId(),
      name: input.name ?? siteName(input.connection),
      timeZone: input.timeZone ?? deps.defaultTimeZone,
      timeZoneConfirmed: input.timeZone !== undefined,
      connection: input.connection,
      createdAt: deps.now().toISOString(),
    };
    await index.update((data) => void data.sites.push(created));
    return created;
  }

  return {
    list: () => index.read().sites.map(view),
    view: (id) => view(site(id)),
    doors: (siteId) => (site(siteId), doorsOf(siteId).map(doorView)),
    doorView,

    async connect(input) {
      const s = await findOrCreate(input);
      await locks.connect(s);
      await ensureDoors(s);
      await rememberProfiles(s.id);
      deps.onDoorsChanged(doorsOf(s.id).map(doorView));
      deps.onSiteReady(s.id);
      return view(s);
    },

    async disconnect(siteId) {
      const s = site(siteId);
      await locks.disconnect(siteId);
      deps.onDoorsChanged(doorsOf(siteId).map(doorView));
      return view(s);
    },

    async rename(doorId, name) {
      const renamed = await index.update((data) => {
        const d = data.doors.find((x) => x.id === doorId);
        if (!d) throw new CodedError('door.not_found', 'This door does not exist (any more).');
        d.name = name;
        return structuredClone(d);
      });
      const v = doorView(renamed);
      deps.onDoorsChanged([v]);
      return v;
    },

    async update(siteId, change) {
      if (change.timeZone !== undefined && !isKnownTimeZone(change.timeZone)) {
        throw new CodedError('ipc.invalid_request', `timeZone: "${change.timeZone}" is not an IANA time zone (e.g. Europe/Berlin).`);
      }
      const updated = await index.update((data) => {
        const s = data.sites.find((x) => x.id === siteId);
        if (!s) throw new CodedError('site.not_found', 'This site does not exist (any more).');
        if (change.name !== undefined) s.name = change.name;
        if (change.timeZone !== undefined) {
          s.timeZone = change.timeZone;
          s.timeZoneConfirmed = true;
        }
        return structuredClone(s);
      });
      return view(updated);
    },

    async setClock(doorId) {
      const d = index.read().doors.find((x) => x.id === doorId);
      if (!d) throw new CodedError('door.not_found', 'This door does not exist (any more).');
      if (locks.status(d.siteId).state !== 'ready') {
        throw new CodedError('door.not_connected', `${d.name}: the site's controller is not connected. Connect it first.`);
      }
      const now = deps.now();
      await locks.network(d.siteId).setLockClock(d.nodeId, { utc: now, offsetMinutes: zoneOffsetMinutes(site(d.siteId).timeZone, now) });
      await locks.refreshProfile(d.siteId, d.nodeId);
      const v = doorView(d);
      deps.onDoorsChanged([v]);
      return v;
    },

    async check(doorId) {
      const d = index.read().doors.find((x) => x.id === doorId);
      if (!d) throw new CodedError('door.not_found', 'This door does not exist (any more).');
      if (locks.status(d.siteId).state !== 'ready') {
        throw new CodedError('door.not_connected', `${d.name}: the site's controller is not connected. Connect it first.`);
      }
      let profile = locks.profile(d.siteId, d.nodeId);
      try {
        profile = await locks.refreshProfile(d.siteId, d.nodeId);
      } catch (error) {
        if (!profile) throw error;
        profile = { ...profile, isOnline: false };
      }
      await rememberProfiles(d.siteId);
      deps.onDoorsChanged([doorView(d)]);
      return buildCapabilityReport({ doorId, profile, siteTimeZone: site(d.siteId).timeZone, now: deps.now() });
    },
  };
}

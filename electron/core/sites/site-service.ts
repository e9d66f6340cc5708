import type { CapabilityReport } from '../../../shared/domain/capability';
import type { Door, DoorView } from '../../../shared/domain/door';
import { sameLockAddress, type LockAddress } from '../../../shared/domain/lock-address';
import type { Connection, Site, SiteView } from '../../../shared/domain/site';
import { buildCapabilityReport } from '../../../shared/capability/capability-report';
import { withLearnedLengths } from '../../../shared/codes/learned-lengths';
import { isKnownTimeZone, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import type { ShardedStore } from '../store/store-v2';
import { slotsFromElsewhere } from '../codes/unmanaged-codes';
import { ensureDoors } from './ensure-doors';

/** What the site service needs. */
export interface SiteServiceDeps {
  store: ShardedStore;
  locks: LockManager;
  now: () => Date;
  newId: () => string;
  /** The computer's own IANA zone, the default for a new site. */
  defaultTimeZone: string;
  /** A door's first name: e.g. the demo site's "Front door", else "Door 5". */
  defaultDoorName: (connection: Connection, at: LockAddress) => string;
  /** Called after a site connects and its doors exist (the code service resumes interrupted work). */
  onSiteReady: (siteId: string) => void;
  onDoorsChanged: (doors: DoorView[]) => void;
  /** Guest PINs past their end that may still work, per door, for the site header (see codes/past-end-watch). */
  pastEndOnLock?: (siteId: string) => SiteView['pastEndOnLock'];
  /** The demo fault switched on for a door's virtual lock; null off the demo site. */
  demoFaultOf?: (door: Door) => DoorView['demoFault'];
  /** Asks a lock that is not answering whether it is back (a ping) before an action that needs it. */
  wake?: (siteId: string, lock: LockAddress) => Promise<boolean>;
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
  if (c.kind === 'bluetooth') return 'Bluetooth site';
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
    return { ...structuredClone(s), state: status.state, stateMessage: status.message, pastEndOnLock: deps.pastEndOnLock?.(s.id) ?? [] };
  };
  const doorView = (d: Door): DoorView => {
    const live = locks.profile(d.siteId, d.lockAddress);
    const read = live ?? (d.lastProfile ? { ...d.lastProfile, isOnline: false } : null);
    // What the lock showed about PIN lengths (refusals) is part of its rules on screen too.
    const lock = read ? withLearnedLengths(read, d.learned) : null;
    const isConnected = locks.isLockReady(d.siteId, d.lockAddress) && (lock?.isOnline ?? false);
    const { lastProfile: _stored, ...door } = structuredClone(d);
    return { ...door, isConnected, lock: lock ? structuredClone(lock) : null, demoFault: deps.demoFaultOf?.(d) ?? null };
  };
  /** Keeps each connected lock's profile on its door, so codes can be queued for it while it is away. */
  const rememberProfiles = async (siteId: string): Promise<void> => {
    await index.update((data) => {
      for (const d of data.doors.filter((x) => x.siteId === siteId)) {
        const profile = locks.profile(siteId, d.lockAddress);
        if (profile) d.lastProfile = structuredClone(profile);
      }
    });
  };
  /** The door's lock can take commands: its site is connected and its own interview is over. */
  const assertLockReady = (d: Door): void => {
    if (locks.isLockReady(d.siteId, d.lockAddress)) return;
    if (locks.status(d.siteId).state === 'connecting') {
      throw new CodedError('lock.not_ready', `${d.name}: its lock is still being interviewed; try again in a moment.`);
    }
    throw new CodedError('door.not_connected', `${d.name}: the site's controller is not connected. Connect it first.`);
  };
  /** A lock marked not answering is asked first (a ping): if it is back, the action goes ahead at once. */
  const wakeIfSilent = async (d: Door): Promise<void> => {
    if (locks.profile(d.siteId, d.lockAddress)?.isOnline === false) await deps.wake?.(d.siteId, d.lockAddress);
  };
  const doorsOf = (siteId: string) => index.read().doors.filter((d) => d.siteId === siteId);

  const addDoors = (s: Site, found: readonly LockAddress[]) => ensureDoors(index, s, found, { ...deps, profileOf: (at) => locks.profile(s.id, at) });
  // Doors appear one by one as their locks' interviews finish, while the site is still connecting.
  locks.onChange((change) => {
    if (change.kind !== 'lock' || !locks.isLockReady(change.siteId, change.lock)) return;
    const s = index.read().sites.find((x) => x.id === change.siteId);
    if (!s || doorsOf(s.id).some((d) => sameLockAddress(d.lockAddress, change.lock))) return;
    void addDoors(s, [change.lock]).then((added) => added.length > 0 && deps.onDoorsChanged(added.map(doorView)), () => {});
  });

  async function findOrCreate(input: { connection: Connection; name?: string; timeZone?: string }): Promise<Site> {
    if (input.timeZone !== undefined && !isKnownTimeZone(input.timeZone)) {
      throw new CodedError('ipc.invalid_request', `timeZone: "${input.timeZone}" is not an IANA time zone (e.g. Europe/Berlin).`);
    }
    if (input.connection.kind === 'bluetooth' && input.connection.radio === 'demo') {
      throw new CodedError('site.not_demo', 'The virtual Bluetooth radio belongs to the demo site: connect the demo site instead.');
    }
    const isDemo = input.connection.kind === 'demo';
    const existing = index.read().sites.find((s) => s.connections.some((c) => sameConnection(c, input.connection)));
    if (existing && input.timeZone !== undefined && (existing.timeZone !== input.timeZone || !existing.timeZoneConfirmed)) {
      // Reconnecting with a zone chosen in the connect wizard: that is the installer's answer to "which zone?".
      return index.update((data) => {
        const s = data.sites.find((x) => x.id === existing.id)!;
        Object.assign(s, { timeZone: input.timeZone, timeZoneConfirmed: true });
        return structuredClone(s);
      });
    }
    if (existing && isDemo && !existing.connections.some((c) => c.kind === 'bluetooth')) {
      // A demo site made before Bluetooth gets the virtual radio with its Nuki lock.
      return index.update((data) => {
        const s = data.sites.find((x) => x.id === existing.id)!;
        s.connections.push({ kind: 'bluetooth', radio: 'demo' });
        return structuredClone(s);
      });
    }
    if (existing) return existing;
    if (input.connection.kind === 'demo' && input.connection.layout === 'building') {
      throw new CodedError('site.not_demo', 'The building demo is opened with "Open the building demo", which sets up its doors and locks.');
    }
    const created: Site = {
      id: isDemo ? 'demo' : deps.newId(),
      name: input.name ?? siteName(input.connection),
      timeZone: input.timeZone ?? deps.defaultTimeZone,
      timeZoneConfirmed: input.timeZone !== undefined,
      // The demo site is a virtual stick with Z-Wave locks and a virtual Bluetooth radio with a Nuki lock.
      connections: isDemo ? [input.connection, { kind: 'bluetooth', radio: 'demo' }] : [input.connection],
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
      await addDoors(s, locks.lockAddresses(s.id));
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
      assertLockReady(d);
      await wakeIfSilent(d);
      const now = deps.now();
      const timeZone = site(d.siteId).timeZone;
      await locks.connection(d.siteId, d.lockAddress.protocol).setClock(d.lockAddress.address, { utc: now, offsetMinutes: zoneOffsetMinutes(timeZone, now), timeZone });
      await locks.refreshProfile(d.siteId, d.lockAddress);
      const v = doorView(d);
      deps.onDoorsChanged([v]);
      return v;
    },

    async check(doorId) {
      const d = index.read().doors.find((x) => x.id === doorId);
      if (!d) throw new CodedError('door.not_found', 'This door does not exist (any more).');
      assertLockReady(d);
      // The lock's readings are stamped on the wall clock (by zwave-js), not on the site's clock (shifted in the demo):
      // a reading stamped from here on was taken by this check; anything older is shown as an earlier reading.
      const readSince = new Date();
      await wakeIfSilent(d);
      let profile = locks.profile(d.siteId, d.lockAddress);
      try {
        profile = await locks.refreshProfile(d.siteId, d.lockAddress);
      } catch (error) {
        if (!profile) throw error;
        profile = { ...profile, isOnline: false };
      }
      await rememberProfiles(d.siteId);
      deps.onDoorsChanged([doorView(d)]);
      const isReadNow = profile.isOnline && profile.readAt !== null && Date.parse(profile.readAt) >= readSince.getTime();
      // Slots holding a code Lockbench does not manage, in zwave-js's picture of the lock as of this check.
      const codes = (await deps.store.codes(d.siteId)).read().accessCodes;
      const codesFromElsewhere = isReadNow ? slotsFromElsewhere(locks.connection(d.siteId, d.lockAddress.protocol).knownCodes(d.lockAddress.address), codes, d.id, profile.reservedSlots).length : null;
      return buildCapabilityReport({
        doorId,
        profile: withLearnedLengths(profile, d.learned),
        siteTimeZone: site(d.siteId).timeZone,
        now: deps.now(),
        readSince,
        codesFromElsewhere,
      });
    },
  };
}

import type { BluetoothAvailability, NearbyLock } from '../../../shared/domain/bluetooth';
import type { Door, DoorView } from '../../../shared/domain/door';
import { sameLockAddress, type LockAddress } from '../../../shared/domain/lock-address';
import type { Connection, Site } from '../../../shared/domain/site';
import { CodedError } from '../../../shared/result';
import type { LockManager } from '../locks/lock-manager';
import { radioKindOf, type BluetoothLocks, type BluetoothRadioKind, type LockPairingSecret, type LockPairings } from '../ports/lock-pairing';
import type { ShardedStore } from '../store/store-v2';
import { requireDoor } from '../store/find-door';

/** What the Bluetooth doors need. */
export interface BluetoothDoorsDeps {
  store: ShardedStore;
  locks: LockManager;
  bluetooth: BluetoothLocks;
  pairings: LockPairings;
  now: () => Date;
  newId: () => string;
  doorView: (door: Door) => DoorView;
  onDoorsChanged: (doors: DoorView[]) => void;
  /** A site's locks changed (a lock paired, a PIN given again): resume its queue. */
  onSiteReady: (siteId: string) => void;
  onProgress: (siteId: string, message: string) => void;
  /** The lock accepted this security PIN: the connection may send it again (see the Bluetooth opener). */
  onSecurityPinAccepted?: (siteId: string, address: string) => void;
}

/** Finding, pairing and keeping Bluetooth locks as doors of a site. */
export interface BluetoothDoors {
  availability(siteId: string): Promise<BluetoothAvailability>;
  scan(siteId: string, seconds: number): Promise<NearbyLock[]>;
  pair(input: { siteId: string; address: string; securityPin: string; doorName?: string }): Promise<DoorView>;
  setSecurityPin(doorId: string, securityPin: string): Promise<DoorView>;
}

/** The Bluetooth connection a site pairs through: its own, or this computer's radio for a site that has none yet. */
const THIS_COMPUTER: Connection = { kind: 'bluetooth', radio: 'system' };

/**
 * Bluetooth locks as doors:
 *
 *   availability ─▶ scan ─▶ (installer holds the lock's button) ─▶ pair: key exchange ─▶ security PIN checked by the
 *   lock ─▶ keys and PIN sealed (keychain) ─▶ the site gets a Bluetooth connection if it had none, the door is added
 *   ─▶ the site's Bluetooth connection reopens with the new lock ─▶ its profile is read, the door pushed
 *
 * A key exchange whose security PIN the lock then refused is kept in memory for this lock, so typing the PIN again
 * does not need the button again (nor fill the lock's user list with Lockbench entries).
 */
export function createBluetoothDoors(deps: BluetoothDoorsDeps): BluetoothDoors {
  const index = deps.store.index;
  const exchanged = new Map<string, LockPairingSecret>();
  const site = (siteId: string): Site => {
    const found = index.read().sites.find((s) => s.id === siteId);
    if (!found) throw new CodedError('site.not_found', 'This site does not exist (any more).');
    return found;
  };
  const radioOf = (s: Site): BluetoothRadioKind => {
    const ble = s.connections.find((c) => c.kind === 'bluetooth');
    return ble?.kind === 'bluetooth' ? radioKindOf(ble) : 'system';
  };

  /** Adds the site's Bluetooth connection (if missing) and the lock's door (if missing), in one index update. */
  async function addDoor(siteId: string, at: LockAddress, name: string): Promise<{ site: Site; door: Door }> {
    return index.update((data) => {
      const s = data.sites.find((x) => x.id === siteId)!;
      if (!s.connections.some((c) => c.kind === 'bluetooth')) s.connections.push({ ...THIS_COMPUTER });
      let door = data.doors.find((d) => d.siteId === siteId && sameLockAddress(d.lockAddress, at));
      if (!door) {
        door = {
          id: deps.newId(),
          siteId,
          name,
          lockAddress: { ...at },
          createdAt: deps.now().toISOString(),
          floor: null,
          group: null,
          unit: null,
          lastProfile: null,
          learned: { acceptedLengths: [], refusedLengths: [] },
          cloud: null,
          logReadUpTo: null,
        };
        data.doors.push(door);
      }
      return { site: structuredClone(s), door: structuredClone(door) };
    });
  }

  /** Reopens the site's Bluetooth connection so it carries every paired lock, then keeps and pushes the door. */
  async function bringUp(s: Site, door: Door, whileClosed?: () => Promise<void>): Promise<DoorView> {
    await deps.locks.reconnect(s, 'nuki', whileClosed);
    const profile = deps.locks.profile(s.id, door.lockAddress);
    const kept = await index.update((data) => {
      const d = data.doors.find((x) => x.id === door.id)!;
      if (profile) d.lastProfile = structuredClone(profile);
      return structuredClone(d);
    });
    const view = deps.doorView(kept);
    deps.onDoorsChanged([view]);
    deps.onSiteReady(s.id);
    return view;
  }

  return {
    availability: async (siteId) => deps.bluetooth.availability(radioOf(site(siteId))),

    async scan(siteId, seconds) {
      const found = await deps.bluetooth.scan(radioOf(site(siteId)), seconds * 1000);
      const doors = index.read().doors.filter((d) => d.siteId === siteId);
      return found.map((lock) => ({ ...lock, doorId: doors.find((d) => sameLockAddress(d.lockAddress, lock))?.id ?? null }));
    },

    async pair({ siteId, address, securityPin, doorName }) {
      const s = site(siteId);
      const radio = radioOf(s);
      const key = `${siteId}\u0000${address}`;
      const progress = (message: string) => deps.onProgress(siteId, message);
      const pairing = exchanged.get(key) ?? (await deps.bluetooth.pair(radio, address, progress));
      exchanged.set(key, pairing);
      progress('Checking the security PIN with the lock…');
      await deps.bluetooth.checkSecurityPin(radio, pairing, securityPin);
      await deps.pairings.save({ siteId, pairing, securityPin, pairedAt: deps.now().toISOString() });
      deps.onSecurityPinAccepted?.(siteId, address);
      exchanged.delete(key);
      const { site: updated, door } = await addDoor(siteId, { protocol: pairing.protocol, address }, doorName ?? `Door ${address}`);
      progress(`Paired: reading ${door.name}…`);
      return bringUp(updated, door);
    },

    async setSecurityPin(doorId, securityPin) {
      const door = requireDoor(index, doorId);
      if (door.lockAddress.protocol !== 'nuki') throw new CodedError('lock.unsupported', `${door.name}: only Bluetooth locks have a security PIN here.`);
      const s = site(door.siteId);
      const record = await deps.pairings.get(s.id, door.lockAddress.address);
      if (!record) throw new CodedError('lock.not_paired', `${door.name}: Lockbench holds no pairing with this lock. Pair it again.`);
      // The lock is asked while the site's Bluetooth connection is closed: one conversation with it at a time.
      return bringUp(s, door, async () => {
        await deps.bluetooth.checkSecurityPin(radioOf(s), record.pairing, securityPin);
        await deps.pairings.save({ ...record, securityPin });
        deps.onSecurityPinAccepted?.(s.id, door.lockAddress.address);
      });
    },
  };
}

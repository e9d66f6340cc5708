import type { Door } from '../../../shared/domain/door';
import type { Connection, Site } from '../../../shared/domain/site';
import { nukiCredentialsOf, securityPinNumber } from '../nuki/nuki-bluetooth-locks';
import { createNukiConnection } from '../nuki/nuki-connection';
import { radioKindOf, type LockPairings } from '../ports/lock-pairing';
import type { LockConnection } from '../ports/lock-port';
import type { BluetoothRadios } from './bluetooth-radios';

/** What opening a site's Bluetooth connection needs. */
export interface BluetoothOpenerDeps {
  radios: BluetoothRadios;
  pairings: LockPairings;
  now: () => Date;
  /** The site's doors (their names for progress lines, how far their locks' logs were read). */
  doorsOf: (siteId: string) => readonly Door[];
  /** Keeps how far a lock's log was read (on its door), for the next start. */
  rememberLogIndex: (siteId: string, address: string, index: number) => void;
}

/**
 * Opens a site's Bluetooth connection: the Nuki driver over the site's radio with every lock paired on this site (keys
 * and security PINs opened from the keychain here, held in memory by the driver only). A site with no paired lock yet
 * opens with none; pairing one reopens it.
 */
export function createBluetoothOpener(deps: BluetoothOpenerDeps) {
  /** Security PINs a lock refused, by site and lock: never sent again until the installer gives one the lock accepts. */
  const refused = new Map<string, string>();
  const keyOf = (siteId: string, address: string) => `${siteId}\u0000${address}`;
  const open = async (site: Site, connection: Connection & { kind: 'bluetooth' }, onProgress: (message: string) => void): Promise<LockConnection> => {
    const radio = await deps.radios.radioOf(radioKindOf(connection));
    const records = await deps.pairings.list(site.id);
    const doors = deps.doorsOf(site.id);
    if (records.length > 0) onProgress(`Reaching ${records.length} Bluetooth lock${records.length === 1 ? '' : 's'}…`);
    const nukiDoors = doors.filter((d) => d.lockAddress.protocol === 'nuki' && d.logReadUpTo !== null);
    return createNukiConnection({
      radio,
      now: deps.now,
      onProgress,
      logStartIndexes: Object.fromEntries(nukiDoors.map((d) => [d.lockAddress.address, d.logReadUpTo!])),
      onLogIndex: (address, index) => deps.rememberLogIndex(site.id, address, index),
      locks: records.map((r) => ({
        address: r.pairing.address,
        credentials: nukiCredentialsOf(r.pairing),
        securityPin: securityPinNumber(r.securityPin),
        pinWidth: r.pairing.pinWidth,
        name: doors.find((d) => d.lockAddress.protocol === 'nuki' && d.lockAddress.address === r.pairing.address)?.name,
        isPinRefused: refused.get(keyOf(site.id, r.pairing.address)) === r.securityPin,
      })),
      onPinRefused: (address) => {
        const record = records.find((r) => r.pairing.address === address);
        if (record) refused.set(keyOf(site.id, address), record.securityPin);
      },
    });
  };
  return {
    open,
    /** The lock accepted a security PIN (checked by the installer's action): it may be sent again. */
    accepted: (siteId: string, address: string) => void refused.delete(keyOf(siteId, address)),
  };
}

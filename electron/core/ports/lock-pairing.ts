import type { BluetoothAvailability, NearbyLock } from '../../../shared/domain/bluetooth';
import type { Connection } from '../../../shared/domain/site';

/** Which radio a Bluetooth connection uses: this computer's, or a demo site's virtual one (the house's, the building's). */
export type BluetoothRadioKind = 'system' | 'demo' | 'demo-building';

/** The radio of a site's Bluetooth connection: each demo site has its own virtual radio, so it hears only its own locks. */
export function radioKindOf(connection: Connection & { kind: 'bluetooth' }): BluetoothRadioKind {
  return connection.radio === 'demo' && connection.layout === 'building' ? 'demo-building' : connection.radio;
}

/**
 * What pairing left Lockbench with: the keys the lock knows it by. Secret — kept only sealed by the OS keychain
 * (secrets/lock-pairings.ts), never logged, never sent to the renderer.
 */
export interface LockPairingSecret {
  protocol: 'nuki';
  address: string;
  authId: number;
  /** The shared key, base64. */
  sharedKey: string;
  appId: number;
  /** 2 on Smart Lock 1.0–4.0 (a 4-digit security PIN fits), 4 on the Ultra. */
  pinWidth: 2 | 4;
}

/**
 * Finding and pairing Bluetooth locks, protocol-neutral for the services above (the Nuki driver implements it).
 *
 *   availability ─▶ scan (name, signal, pairing mode) ─▶ the installer holds the lock's button ─▶ pair (key exchange)
 *   ─▶ checkSecurityPin (the lock's admin PIN) ─▶ the door is added with the pairing sealed
 */
export interface BluetoothLocks {
  availability(radio: BluetoothRadioKind): Promise<BluetoothAvailability>;
  /** Listens for `durationMs`: each lock heard once, with its strongest signal. Rejects `ble.unavailable`. */
  scan(radio: BluetoothRadioKind, durationMs: number): Promise<Array<Omit<NearbyLock, 'doorId'>>>;
  /** Runs the key exchange with a lock in pairing mode. Rejects `lock.not_pairing` when it is not, `lock.*` otherwise. */
  pair(radio: BluetoothRadioKind, address: string, onProgress: (message: string) => void): Promise<LockPairingSecret>;
  /** Asks the paired lock to check its security PIN; rejects `lock.bad_security_pin` when it refuses it. */
  checkSecurityPin(radio: BluetoothRadioKind, pairing: LockPairingSecret, securityPin: string): Promise<void>;
}

/** One paired lock of one site: its keys and the security PIN the installer gave. */
export interface LockPairingRecord {
  siteId: string;
  pairing: LockPairingSecret;
  /** The lock's security PIN (its admin PIN), digits. */
  securityPin: string;
  pairedAt: string;
}

/** Where pairings are kept (sealed by the OS keychain: secrets/lock-pairings.ts). */
export interface LockPairings {
  /** The site's pairings. Rejects `secrets.unavailable` when they cannot be opened (another keychain, damaged). */
  list(siteId: string): Promise<LockPairingRecord[]>;
  get(siteId: string, address: string): Promise<LockPairingRecord | null>;
  /** Adds or replaces the record for its site and address; durable when it resolves. */
  save(record: LockPairingRecord): Promise<void>;
}

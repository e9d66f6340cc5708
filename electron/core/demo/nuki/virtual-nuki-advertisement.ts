import type { BleAdvertisement } from '../../ble/ble-radio';
import { NUKI_GATT } from '../../nuki/protocol/command-ids';

/**
 * What a virtual Nuki lock advertises (nuki-ble.md §1):
 *   local name  `Nuki_` + the Nuki id as 8 hex digits
 *   paired      Apple iBeacon (0x004C, type 0x02, 25 bytes) whose proximity UUID is the Keyturner service;
 *               bit 0 of its TX-power byte = "state changed, please poll"
 *   pairing     service data for the pairing service a92ee100-…
 */

/** What the advertisement depends on. */
export interface AdvertisedLock {
  nukiId: number;
  isPaired: boolean;
  isPairingMode: boolean;
  hasNewState: boolean;
}

const APPLE = [0x4c, 0x00];
const IBEACON = [0x02, 0x15];
/** Measured power at 1 m, as iBeacons send it (-60 dBm); bit 0 is Nuki's "state changed" flag. */
const TX_POWER = 0xc4;

/** The local name for a Nuki id, e.g. `Nuki_3C8862ED`. */
export function nukiLocalName(nukiId: number): string {
  return `Nuki_${nukiId.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** One advertisement of `lock` at `address`, heard at `rssi`. */
export function nukiAdvertisement(lock: AdvertisedLock, address: string, rssi: number): BleAdvertisement {
  return {
    address,
    localName: nukiLocalName(lock.nukiId),
    rssi,
    serviceUuids: [],
    serviceData: lock.isPairingMode ? [{ uuid: NUKI_GATT.PAIRING_SERVICE, data: new Uint8Array(0) }] : [],
    manufacturerData: lock.isPaired ? iBeacon(lock) : null,
  };
}

/**
 * Apple company id (LE) ‖ type ‖ length ‖ proximity UUID (16) ‖ major (BE) ‖ minor (BE) ‖ TX power. What a real lock
 * puts in major and minor is not documented; here they are the Nuki id's two halves.
 */
function iBeacon(lock: AdvertisedLock): Uint8Array {
  const uuid = Buffer.from(NUKI_GATT.KEYTURNER_SERVICE.replace(/-/g, ''), 'hex');
  const major = [(lock.nukiId >>> 24) & 0xff, (lock.nukiId >>> 16) & 0xff];
  const minor = [(lock.nukiId >>> 8) & 0xff, lock.nukiId & 0xff];
  return Uint8Array.from([...APPLE, ...IBEACON, ...uuid, ...major, ...minor, TX_POWER | (lock.hasNewState ? 1 : 0)]);
}

import type { NearbyLock } from '../../../shared/domain/bluetooth';
import { CodedError } from '../../../shared/result';
import type { BleRadio } from '../ble/ble-radio';
import type { BluetoothLocks, BluetoothRadioKind, LockPairingSecret } from '../ports/lock-pairing';
import { connectNuki, pairNuki } from './client/nuki-connect';
import { readNukiAdvertisement } from './nuki-advertisement';
import { nukiIdText } from './nuki-profile';

/** The name Lockbench registers under on a Nuki lock (shown in the lock's user list and log). */
export const LOCKBENCH_APP_NAME = 'Lockbench';

/** The keys a pairing secret holds, as the Nuki client takes them. */
export function nukiCredentialsOf(pairing: LockPairingSecret): { authId: number; sharedKey: Uint8Array } {
  return { authId: pairing.authId, sharedKey: new Uint8Array(Buffer.from(pairing.sharedKey, 'base64')) };
}

/** A security PIN as digits → the number the lock compares (refused before anything is sent when it is not digits). */
export function securityPinNumber(pin: string): number {
  if (!/^\d{1,10}$/.test(pin)) throw new CodedError('lock.bad_security_pin', 'The security PIN is digits only.');
  return Number(pin);
}

/**
 * Finding and pairing Nuki locks (reference/nuki-ble.md §1, §3) over whichever radio a site uses. A pairing is the
 * key exchange only; the security PIN is then checked with Verify Security PIN (one command) before anything is kept.
 */
export function createNukiBluetoothLocks(radioOf: (kind: BluetoothRadioKind) => Promise<BleRadio>): BluetoothLocks {
  return {
    async availability(kind) {
      return (await radioOf(kind)).availability();
    },
    async scan(kind, durationMs) {
      const radio = await radioOf(kind);
      const heard = new Map<string, Omit<NearbyLock, 'doorId'>>();
      await radio.scan({ durationMs }, (advertisement) => {
        const nuki = readNukiAdvertisement(advertisement);
        if (!nuki.isNuki) return;
        const before = heard.get(advertisement.address);
        heard.set(advertisement.address, {
          protocol: 'nuki',
          address: advertisement.address,
          name: nuki.name ?? before?.name ?? 'Nuki lock',
          nukiId: nuki.nukiId === null ? (before?.nukiId ?? null) : nukiIdText(nuki.nukiId),
          rssi: Math.max(nuki.rssi, before?.rssi ?? -127),
          // The latest advertisement tells the mode now (the button may have been held since the first one).
          mode: nuki.mode,
        });
      });
      return [...heard.values()].sort((a, b) => b.rssi - a.rssi);
    },
    async pair(kind, address, onProgress) {
      const radio = await radioOf(kind);
      onProgress('Exchanging keys with the lock…');
      const pairing = await pairNuki(radio, address, { name: LOCKBENCH_APP_NAME });
      return {
        protocol: 'nuki',
        address,
        authId: pairing.authId,
        sharedKey: Buffer.from(pairing.sharedKey).toString('base64'),
        appId: pairing.appId,
        pinWidth: 2,
      };
    },
    async checkSecurityPin(kind, pairing, securityPin) {
      const radio = await radioOf(kind);
      const connection = await connectNuki(radio, pairing.address, {
        credentials: nukiCredentialsOf(pairing),
        securityPin: securityPinNumber(securityPin),
        pinWidth: pairing.pinWidth,
      });
      try {
        await connection.client.verifySecurityPin();
      } finally {
        await connection.disconnect();
      }
    },
  };
}

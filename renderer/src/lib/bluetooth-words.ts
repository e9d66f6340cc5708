import { securityPinSchema } from '../../../shared/domain/bluetooth';
import type { NearbyLock } from '../../../shared/domain/bluetooth';
import { placeNameSchema } from '../../../shared/domain/display-name';

/** Words for Bluetooth locks heard nearby and for what the installer types to pair one. */

/** A dBm value with a real minus sign: "−52 dBm". */
export function formatDbm(rssi: number): string {
  return rssi < 0 ? `\u2212${-rssi} dBm` : `${rssi} dBm`;
}

/** Signal strength in words and dBm ("strong, −52 dBm"): −50 is next to the lock, −90 at the edge of range. */
export function signalWords(rssi: number): string {
  const words = rssi >= -60 ? 'strong' : rssi >= -70 ? 'good' : rssi >= -80 ? 'weak' : 'very weak';
  return `${words}, ${formatDbm(rssi)}`;
}

/** Whether a lock heard nearby can be paired now, in words. */
export function pairingModeWords(mode: NearbyLock['mode']): string {
  if (mode === 'pairing') return 'in pairing mode';
  if (mode === 'paired') return 'not in pairing mode';
  return 'pairing mode not known';
}

/** What is wrong with a typed security PIN (the lock's admin PIN, 4–6 digits), in words; null when it will do. */
export function securityPinProblem(pin: string): string | null {
  if (pin === '') return 'Type the lock’s security PIN.';
  if (!/^\d*$/.test(pin)) return 'The security PIN has digits only.';
  return securityPinSchema.safeParse(pin).success ? null : 'The security PIN is 4 to 6 digits.';
}

/** What is wrong with a door's name, in words; null when it will do. */
export function doorNameProblem(name: string): string | null {
  if (name.trim() === '') return 'Give the door a name (the lock’s own name will do).';
  const parsed = placeNameSchema.safeParse(name);
  return parsed.success ? null : `The door’s ${parsed.error.issues[0]?.message ?? 'name will not do'}.`;
}

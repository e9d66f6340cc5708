import { z } from 'zod';

/** Why this computer's Bluetooth cannot be used, each with its own line on what to do. */
export const bluetoothUnavailableReasonSchema = z.enum(['powered_off', 'unauthorized', 'no_adapter', 'no_binary']);

/** Whether Bluetooth LE can be used for a site's locks: ready, or not with one line saying what to do. */
export const bluetoothAvailabilitySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('unavailable'), reason: bluetoothUnavailableReasonSchema, message: z.string() }),
]);
export type BluetoothAvailability = z.infer<typeof bluetoothAvailabilitySchema>;

/** A Bluetooth lock heard nearby during a scan. */
export const nearbyLockSchema = z.object({
  protocol: z.literal('nuki'),
  /** Its address on this computer's radio (what the door will point to). */
  address: z.string(),
  /** The name it advertises ("Nuki_3C8862ED"). */
  name: z.string(),
  /** The Nuki id (8 hex digits) when the name carries it. */
  nukiId: z.string().nullable(),
  /** Signal strength in dBm (−50 is close, −90 is at the edge of range). */
  rssi: z.number().int(),
  /** In pairing mode (its button was held), already paired with someone, or not known. */
  mode: z.enum(['pairing', 'paired', 'unknown']),
  /** The door on this site already fitted with this lock, if any. */
  doorId: z.string().nullable(),
});
export type NearbyLock = z.infer<typeof nearbyLockSchema>;

/** A lock's security PIN (its admin PIN, set in the Nuki app): 4 digits on Smart Lock 1.0–4.0. */
export const securityPinSchema = z.string().regex(/^\d{4,6}$/, 'the security PIN is 4 to 6 digits');

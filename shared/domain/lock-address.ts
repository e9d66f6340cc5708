import { z } from 'zod';

/** The lock protocols Lockbench speaks: Z-Wave (through a controller stick) and Nuki's Bluetooth LE API. */
export const lockProtocolSchema = z.enum(['zwave', 'nuki']);
export type LockProtocol = z.infer<typeof lockProtocolSchema>;

/**
 * Where a door's lock is reached: its protocol and its address on that protocol's connection — a Z-Wave node id
 * ("5") on the site's stick, or a Bluetooth address on this computer's radio.
 */
export const lockAddressSchema = z
  .object({ protocol: lockProtocolSchema, address: z.string().min(1).max(64) })
  .refine((a) => a.protocol !== 'zwave' || /^\d{1,3}$/.test(a.address), { message: 'a Z-Wave address is a node id (1–232)', path: ['address'] });
export type LockAddress = z.infer<typeof lockAddressSchema>;

/** The address of a Z-Wave lock by its node id. */
export const zwaveAddress = (nodeId: number): LockAddress => ({ protocol: 'zwave', address: String(nodeId) });

/** Short words for where a lock is, for lists and headings ("node 5", "Bluetooth 4C:…"). */
export function describeLockAddress(at: LockAddress): string {
  return at.protocol === 'zwave' ? `node ${at.address}` : `Bluetooth ${at.address}`;
}

/** True when both point at the same lock. */
export const sameLockAddress = (a: LockAddress, b: LockAddress): boolean => a.protocol === b.protocol && a.address === b.address;

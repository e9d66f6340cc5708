import { z } from 'zod';

/**
 * A code found in a lock slot that Lockbench did not create (another tool, the keypad's master mode, a previous
 * installer). Never overwritten: the installer adopts it, clears it, or leaves it alone.
 */
export const unmanagedCodeSchema = z.object({
  door_id: z.string(),
  slot: z.number().int(),
  status: z.enum(['enabled', 'disabled']),
  /** The PIN as the lock reports it; null or masked ("****") on locks that hide PINs. */
  code: z.string().nullable(),
  is_masked: z.boolean(),
});
export type UnmanagedCode = z.infer<typeof unmanagedCodeSchema>;

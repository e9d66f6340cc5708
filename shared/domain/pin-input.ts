import { z } from 'zod';
import { displayNameSchema } from './display-name';

/**
 * Shape of a PIN as any lock might take it, checked at the IPC boundary. The lock's own rules (lengths, characters,
 * duplicates) are checked later against its profile by shared/pin-rules.ts, naming the rule that was broken.
 */
export const pinSchema = z
  .string()
  .min(1, 'PIN is empty')
  .max(12, 'PIN is longer than 12 characters')
  .regex(/^[\x21-\x7e]+$/, 'PIN has characters no keypad can type');

/** Optional label for a code, e.g. "Flat 3 – resident". */
export const codeNameSchema = displayNameSchema({ min: 0, max: 60, what: 'name' });

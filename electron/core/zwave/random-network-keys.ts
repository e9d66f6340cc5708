import { randomBytes } from 'node:crypto';
import type { NetworkKeys } from './lock-network';

/** Four new random 16-byte network keys (S0 and the three S2 classes). */
export function randomNetworkKeys(): NetworkKeys {
  const key = (): Uint8Array => Uint8Array.from(randomBytes(16));
  return { S0_Legacy: key(), S2_Unauthenticated: key(), S2_Authenticated: key(), S2_AccessControl: key() };
}

import { CodedError } from '../../../shared/result';

export type { OpenedSecret, SecretVault } from '../ports/secret-vault';

/** The `secrets.unavailable` error, always with a sentence on what to do. */
export function secretsUnavailable(message: string, details?: Record<string, string>): CodedError {
  return new CodedError('secrets.unavailable', message, details);
}

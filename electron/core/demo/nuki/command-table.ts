import type { NukiMessage } from '../../nuki/protocol/frames';
import type { NukiLockMemory } from './nuki-lock-state';

/**
 * The shape of the virtual lock's encrypted commands: each says how it is authorized (nuki-ble.md §4 "Three command
 * patterns") and how long its body is, so the lock checks length, challenge and PIN once, before any handler runs.
 */

/** What a command handler may use of the lock. */
export interface CommandContext {
  /** The lock's memory; a handler that changes it calls `changed()`. */
  readonly memory: NukiLockMemory;
  /** The authorization the command came under. */
  readonly authId: number;
  /** How many keypad codes fit. */
  readonly codeCapacity: number;
  /** The lock's clock (UTC, ms). */
  lockTime(): number;
  /** Sets the lock's clock (Update Time); saved. */
  setLockTime(ms: number): void;
  /** Issues a fresh challenge nK for this authorization (the previous one is void). */
  issueChallenge(): Uint8Array;
  /** The lock's Keyturner States body right now. */
  keyturnerStates(): Uint8Array;
  /** Tells the lock its memory changed (it is then saved). */
  changed(): void;
}

/** How a command is authorized: nothing, a challenge nK, or nK ‖ security PIN. */
export type CommandAuth = 'none' | 'challenge' | 'pin';

/** One command the lock understands. */
export interface LockCommand {
  auth: CommandAuth;
  /** Exact body length (before nK ‖ PIN); 'at_least_2' for Request Data. */
  bodyBytes: number | 'at_least_2';
  /** Runs the command on its body; throws `refuse(...)` to answer an Error Report. Returns the replies in order. */
  run(context: CommandContext, body: Uint8Array): NukiMessage[];
}

/** Commands by id. */
export type CommandTable = Readonly<Record<number, LockCommand>>;

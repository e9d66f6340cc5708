import { bytesEqual, bytesToHex } from '../../nuki/protocol/bytes';
import { splitChallenge, splitChallengeAndPin } from '../../nuki/protocol/command-codec';
import type { EncryptedNukiMessage, NukiMessage } from '../../nuki/protocol/frames';
import { createChallengeNonce, randomBytes, type RandomSource } from '../../nuki/protocol/nuki-crypto';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import type { CommandContext, LockCommand } from './command-table';
import { KEYPAD_CODE_COMMANDS } from './keypad-code-commands';
import { enterKeypadCode, type KeypadEntryResult } from './keypad-code-rules';
import { keyturnerStatesOf, LOCK_COMMANDS } from './lock-commands';
import { errorReply, refusalReply, refuse } from './lock-replies';
import { copyMemory, fromHex, toHex, type NukiLockMemory, type StoredKeypadCode } from './nuki-lock-state';
import { createPairingSession, type PairingSession } from './virtual-nuki-pairing';

/** How long a challenge nK stays good ("taking too long" is K_ERROR_BAD_NONCE too). */
export const CHALLENGE_LIFETIME_MS = 30_000;
/** How long the security PIN stays locked (K_ERROR_TOO_MANY_PIN_ATTEMPTS) after 3 wrong tries in a row. */
export const PIN_LOCKOUT_MS = 60_000;
const WRONG_PIN_TRIES = 3;
const COMMANDS: Readonly<Record<number, LockCommand>> = { ...LOCK_COMMANDS, ...KEYPAD_CODE_COMMANDS };

/** How a virtual lock is built: its memory (from the state file or the factory) and its limits. */
export interface VirtualNukiLockOptions {
  memory: NukiLockMemory;
  /** The real time; the lock's clock is this plus its offset. */
  now: () => Date;
  random?: RandomSource;
  /** Keypad codes that fit (default 100; one more is K_ERROR_TOO_MANY_ENTRIES). */
  codeCapacity?: number;
  /** Authorizations that fit (default 200; one more is P_ERROR_MAX_USER). */
  maxAuthorizations?: number;
  /** How long pairing mode lasts after the button is held (default 5 minutes). */
  pairingModeMs?: number;
  /** Told after every change of the memory (to save it). */
  onChange?: () => void;
}

/**
 * A Nuki Smart Lock 3.0/4.0 at the protocol level: whole decoded requests in, replies out. The radio below
 * (virtual-nuki-radio.ts) does framing, encryption and chunking; this class does what the lock decides: pairing,
 * the challenge and security-PIN checks, box-nonce reuse, and the commands of lock-commands.ts and
 * keypad-code-commands.ts. Runtime state a reboot forgets (pairing mode, challenges, PIN tries) is kept here, the rest in
 * `memory`.
 */
export class VirtualNukiLock {
  private readonly memory: NukiLockMemory;
  private readonly random: RandomSource;
  private pairingUntil = 0;
  private readonly challenges = new Map<number, { nonce: Uint8Array; issuedAt: number }>();
  private readonly boxNonces = new Map<number, { inOrder: string[]; seen: Set<string> }>();
  private readonly received = new Map<number, number>();
  private wrongPinTries = 0;
  private lockedOutUntil = 0;
  private pinOverride: number | null = null;
  private changedSincePoll = false;

  constructor(private readonly options: VirtualNukiLockOptions) {
    this.memory = options.memory;
    this.random = options.random ?? randomBytes;
  }

  /** The lock's Nuki id (its BLE name is `Nuki_` + 8 hex digits of it). */
  get nukiId(): number {
    return this.memory.nukiId;
  }

  /** Holds the button ~5 s: pairing mode until a pairing completes or `pairingModeMs` passes. */
  pressButton(): void {
    this.pairingUntil = this.now() + (this.options.pairingModeMs ?? 5 * 60_000);
  }

  /** In pairing mode (button held, not timed out, pairing enabled in the config). */
  get isPairingMode(): boolean {
    return this.memory.config.pairingEnabled && this.now() < this.pairingUntil;
  }

  /** Whether any client is paired (the lock then advertises its iBeacon). */
  get isPaired(): boolean {
    return this.memory.authorizations.length > 0;
  }

  /** Something happened a paired client should poll for (the iBeacon's bit 0); cleared by reading Keyturner States. */
  get hasNewState(): boolean {
    return this.changedSincePoll;
  }

  /** The shared key k of an authorization, or null for an auth id the lock does not know. */
  sharedKeyFor(authId: number): Uint8Array | null {
    const authorization = this.memory.authorizations.find((a) => a.authId === authId);
    return authorization ? fromHex(authorization.sharedKey) : null;
  }

  /** A pairing conversation for one connection; every message it gets counts as a command received. */
  openPairingSession(): PairingSession {
    const session = createPairingSession({
      isPairingMode: () => this.isPairingMode,
      hasRoomForUser: () => this.memory.authorizations.length < (this.options.maxAuthorizations ?? 200),
      nextAuthId: () => this.memory.nextAuthId,
      lockUuid: () => fromHex(this.memory.lockUuid),
      completePairing: ({ sharedKey, ...authorization }) => {
        this.memory.authorizations.push({ ...authorization, sharedKey: toHex(sharedKey), createdAt: this.lockTime() });
        this.memory.nextAuthId = authorization.authId + 1;
        this.pairingUntil = 0;
        this.changed();
      },
      random: this.random,
    });
    return { receive: (message) => (this.count(message.commandId), session.receive(message)) };
  }

  /** Handles one decrypted command from the USDIO; returns the replies (to be encrypted for the same auth id). */
  receiveEncrypted(message: EncryptedNukiMessage): NukiMessage[] {
    const { authId, commandId, payload } = message;
    this.count(commandId);
    if (!this.isFreshBoxNonce(authId, bytesToHex(message.nonce))) return [errorReply(NUKI_ERROR.BAD_NONCE, commandId)];
    if (!this.sharedKeyFor(authId)) return [errorReply(NUKI_ERROR.NOT_AUTHORIZED, commandId)];
    const command = COMMANDS[commandId];
    if (!command) return [errorReply(NUKI_ERROR.UNKNOWN, commandId)];
    try {
      return command.run(this.context(authId), this.authorize(command, commandId, authId, payload));
    } catch (error) {
      return [refusalReply(error, commandId)];
    }
  }

  /** Types `code` on the keypad: opens and logs success with its codeId when allowed now, else logs 0xE0 (invalid code). */
  simulateKeypadEntry(code: string): KeypadEntryResult {
    const result = enterKeypadCode(this.memory, code, this.lockTime());
    this.changedSincePoll = true;
    this.changed();
    return result;
  }

  /** Makes every PIN-checked command see a wrong security PIN (as if the installer typed another one), or stops that. */
  simulateWrongSecurityPin(on: boolean): void {
    this.pinOverride = on ? (this.memory.securityPin + 1111) % 10_000 : null;
  }

  /** Commands received (pairing and encrypted), all or of one command id. */
  commandsReceived(commandId?: number): number {
    if (commandId !== undefined) return this.received.get(commandId) ?? 0;
    return [...this.received.values()].reduce((a, b) => a + b, 0);
  }

  /** Every box nonce seen under an authorization, in order, as hex (a reused one appears twice). */
  boxNoncesSeen(authId: number): string[] {
    return [...(this.boxNonces.get(authId)?.inOrder ?? [])];
  }

  /** The lock's clock (UTC, ms). */
  lockTime(): number {
    return this.now() + this.memory.clockOffsetMs;
  }

  /** Lets the clock drift (or be set) by giving its offset from the real time. */
  setClockOffset(ms: number): void {
    this.memory.clockOffsetMs = ms;
    this.changed();
  }

  /** Sets the lock's and the keypad's battery. */
  setBattery(battery: { percent?: number; isCritical?: boolean; keypadCritical?: boolean }): void {
    this.memory.battery.percent = battery.percent ?? this.memory.battery.percent;
    this.memory.battery.isCritical = battery.isCritical ?? this.memory.battery.isCritical;
    this.memory.keypadBatteryCritical = battery.keypadCritical ?? this.memory.keypadBatteryCritical;
    this.changedSincePoll = true;
    this.changed();
  }

  /** The keypad codes on the lock right now (a copy). */
  keypadCodes(): StoredKeypadCode[] {
    return structuredClone(this.memory.keypadCodes);
  }

  /** A copy of everything the lock remembers (what the state file gets). */
  snapshot(): NukiLockMemory {
    return copyMemory(this.memory);
  }

  private authorize(command: LockCommand, commandId: number, authId: number, payload: Uint8Array): Uint8Array {
    const tail = command.auth === 'none' ? 0 : command.auth === 'challenge' ? 32 : 34;
    const fits = command.bodyBytes === 'at_least_2' ? payload.length >= 2 : payload.length === command.bodyBytes + tail;
    if (!fits) throw refuse(NUKI_ERROR.BAD_LENGTH, commandId);
    if (command.auth === 'none') return payload;
    const split = command.auth === 'pin' ? splitChallengeAndPin(payload, 2) : { ...splitChallenge(payload), securityPin: null };
    this.useChallenge(authId, split.challenge, commandId);
    if (split.securityPin !== null) this.checkSecurityPin(split.securityPin, commandId);
    return split.body;
  }

  /** Records a box nonce; false when this authorization used it before. */
  private isFreshBoxNonce(authId: number, nonce: string): boolean {
    const record = this.boxNonces.get(authId) ?? { inOrder: [], seen: new Set<string>() };
    this.boxNonces.set(authId, record);
    record.inOrder.push(nonce);
    if (record.seen.has(nonce)) return false;
    record.seen.add(nonce);
    return true;
  }

  /** A challenge is good once, only the last one issued, and only for CHALLENGE_LIFETIME_MS. */
  private useChallenge(authId: number, challenge: Uint8Array, commandId: number): void {
    const issued = this.challenges.get(authId);
    this.challenges.delete(authId);
    const fresh = issued !== undefined && this.now() - issued.issuedAt <= CHALLENGE_LIFETIME_MS;
    if (!fresh || !bytesEqual(issued.nonce, challenge)) throw refuse(NUKI_ERROR.BAD_NONCE, commandId);
  }

  /** Wrong PIN: 0x21; the third wrong try in a row locks the PIN for PIN_LOCKOUT_MS, answered 0x28. */
  private checkSecurityPin(pin: number, commandId: number): void {
    const now = this.now();
    if (now < this.lockedOutUntil) throw refuse(NUKI_ERROR.TOO_MANY_PIN_ATTEMPTS, commandId);
    if (pin === (this.pinOverride ?? this.memory.securityPin)) {
      this.wrongPinTries = 0;
      return;
    }
    this.wrongPinTries += 1;
    if (this.wrongPinTries >= WRONG_PIN_TRIES) {
      this.wrongPinTries = 0;
      this.lockedOutUntil = now + PIN_LOCKOUT_MS;
    }
    throw refuse(NUKI_ERROR.BAD_PIN, commandId);
  }

  private context(authId: number): CommandContext {
    return {
      memory: this.memory,
      authId,
      codeCapacity: this.options.codeCapacity ?? 100,
      lockTime: () => this.lockTime(),
      setLockTime: (ms) => this.setClockOffset(ms - this.now()),
      issueChallenge: () => {
        const nonce = createChallengeNonce(this.random);
        this.challenges.set(authId, { nonce, issuedAt: this.now() });
        return nonce;
      },
      keyturnerStates: () => ((this.changedSincePoll = false), keyturnerStatesOf(this.memory, this.lockTime(), this.isPairingMode)),
      changed: () => this.changed(),
    };
  }

  private count(commandId: number): void {
    this.received.set(commandId, (this.received.get(commandId) ?? 0) + 1);
  }

  private now(): number {
    return this.options.now().getTime();
  }

  private changed(): void {
    this.options.onChange?.();
  }
}

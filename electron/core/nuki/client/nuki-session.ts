import { CodedError } from '../../../../shared/result';
import { bytesToHex, protocolError } from '../protocol/bytes';
import { appendChallenge, appendChallengeAndPin, decodeErrorReport, decodeStatus, encodeRequestData, type PinWidth } from '../protocol/command-codec';
import { commandLabel, NUKI_COMMAND, NUKI_STATUS } from '../protocol/command-ids';
import { decodeEncryptedFrame, encodeEncryptedFrame, type NukiMessage } from '../protocol/frames';
import { createBoxNonce, randomBytes, type RandomSource } from '../protocol/nuki-crypto';
import { frameFailureToCodedError, nukiErrorToCodedError } from '../protocol/nuki-errors';
import { decodeChallenge } from '../protocol/pairing-codec';
import type { NukiChannel } from './nuki-channel';

/**
 * Encrypted commands on USDIO with a paired lock's credentials (nuki-ble.md §4), one at a time:
 *
 *   plain request:        Request Data(cmd) ─────────────────────────────▶ replies … terminal
 *   challenge (+ PIN):    Request Data(0x0004) ─▶ Challenge nK ─▶ cmd ‖ nK (‖ PIN) ─▶ replies … terminal
 *
 * Every frame sent gets a fresh random box nonce that this session has never sent under its key. Each challenge
 * is fetched for one command and used once. A reply that does not decrypt or fails its CRC is `lock.protocol_error`;
 * an Error Report becomes its mapped CodedError.
 */

/** What pairing produced and the session needs: the lock's auth id for us and the shared key k. */
export interface NukiCredentials {
  authId: number;
  sharedKey: Uint8Array;
}

/** How a command's answer ends: at Status COMPLETE, or at the first message of its own reply id. */
export interface ReplyShape {
  /** Message ids that belong to the answer before its end (e.g. Keypad Code Count and Keypad Code). */
  collects?: readonly number[];
  endsAt: 'status' | number;
}

/** How a command proves itself: the challenge nK alone, or nK and the security PIN. */
export type CommandAuth = { kind: 'challenge' } | { kind: 'security_pin'; securityPin: number };

/** Encrypted command exchange with one paired lock. */
export interface NukiSession {
  /** Pattern 1: Request Data(commandId); returns the collected replies (the terminal one last, never Status). */
  request(commandId: number, reply: ReplyShape): Promise<NukiMessage[]>;
  /** Patterns 2 and 3: fetches a challenge, sends `body ‖ nK (‖ PIN)`, returns the collected replies. */
  command(commandId: number, body: Uint8Array, auth: CommandAuth, reply: ReplyShape): Promise<NukiMessage[]>;
  /** Top-level commands sent so far (a challenge exchange belongs to its command). */
  readonly commandsSent: number;
  /** Security PIN width on the wire: 2 on Smart Lock 1–4, 4 on the Ultra. */
  readonly pinWidth: PinWidth;
}

/** What a session is built from. */
export interface NukiSessionOptions {
  channel: NukiChannel;
  credentials: NukiCredentials;
  /** Default 2 (Smart Lock 1–4). */
  pinWidth?: PinWidth;
  /** Longest wait for each reply message. Default 10 s. */
  replyTimeoutMs?: number;
  /** Random source for box nonces (tests inject one that repeats). */
  random?: RandomSource;
}

/** Draws before giving up on a random source that keeps repeating nonces. */
const MAX_NONCE_DRAWS = 16;

/** Creates a session; it sends nothing until the first command. */
export function createNukiSession(options: NukiSessionOptions): NukiSession {
  const { channel } = options;
  const { authId, sharedKey } = options.credentials;
  const pinWidth = options.pinWidth ?? 2;
  const timeoutMs = options.replyTimeoutMs ?? 10_000;
  const random = options.random ?? randomBytes;
  const usedNonces = new Set<string>();
  let sent = 0;

  const freshNonce = (): Uint8Array => {
    for (let draw = 0; draw < MAX_NONCE_DRAWS; draw++) {
      const nonce = createBoxNonce(random);
      const id = bytesToHex(nonce);
      if (!usedNonces.has(id)) {
        usedNonces.add(id);
        return nonce;
      }
    }
    throw new CodedError('lock.failed', 'The random source keeps repeating message nonces; nothing was sent');
  };

  const send = (commandId: number, payload: Uint8Array): Promise<void> =>
    channel.write(encodeEncryptedFrame({ commandId, payload }, { key: sharedKey, authId, nonce: freshNonce() }));

  /** The next reply, decrypted; an Error Report is thrown as its CodedError. */
  const receive = async (): Promise<NukiMessage> => {
    const decoded = decodeEncryptedFrame(await channel.next(timeoutMs), { key: sharedKey, expectedAuthId: authId });
    if (!decoded.ok) throw frameFailureToCodedError(decoded.failure);
    const { commandId, payload } = decoded.value;
    if (commandId === NUKI_COMMAND.ERROR_REPORT) throw nukiErrorToCodedError(decodeErrorReport(payload));
    return { commandId, payload };
  };

  const fetchChallenge = async (): Promise<Uint8Array> => {
    await send(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.CHALLENGE));
    for (;;) {
      const message = await receive();
      if (message.commandId === NUKI_COMMAND.CHALLENGE) return decodeChallenge(message.payload);
      if (!isPush(message)) throw unexpected(message, 'a Challenge');
    }
  };

  /** Replies up to the terminal one. ACCEPTED means more comes; a COMPLETE before a command's own reply is not its end. */
  const collect = async (commandId: number, shape: ReplyShape): Promise<NukiMessage[]> => {
    const replies: NukiMessage[] = [];
    for (;;) {
      const message = await receive();
      if (message.commandId === shape.endsAt) return [...replies, message];
      if (message.commandId === NUKI_COMMAND.STATUS) {
        const status = decodeStatus(message.payload);
        if (status === NUKI_STATUS.COMPLETE && shape.endsAt === 'status') return replies;
        if (status !== NUKI_STATUS.COMPLETE && status !== NUKI_STATUS.ACCEPTED) throw protocolError(`Unknown Status 0x${status.toString(16)}`);
      } else if (shape.collects?.includes(message.commandId)) replies.push(message);
      else if (!isPush(message)) throw unexpected(message, `the answer to ${commandLabel(commandId)}`);
    }
  };

  /** One top-level command: exclusive on the channel, stale frames dropped, counted once. */
  const run = (work: () => Promise<NukiMessage[]>): Promise<NukiMessage[]> =>
    channel.exclusive(async () => {
      channel.clear();
      sent++;
      return work();
    });

  return {
    async request(commandId, reply) {
      return run(async () => {
        await send(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(commandId));
        return collect(commandId, reply);
      });
    },
    async command(commandId, body, auth, reply) {
      if (auth.kind === 'security_pin') assertPinFits(auth.securityPin, pinWidth);
      return run(async () => {
        const challenge = await fetchChallenge();
        const payload = auth.kind === 'challenge' ? appendChallenge(body, challenge) : appendChallengeAndPin(body, challenge, auth.securityPin, pinWidth);
        await send(commandId, payload);
        return collect(commandId, reply);
      });
    },
    get commandsSent() {
      return sent;
    },
    pinWidth,
  };
}

/**
 * Refuses a security PIN that does not fit the wire before anything is sent, by encoding it once with a blank
 * challenge (the codec owns the rule; its error names the width, never the PIN).
 */
export function assertPinFits(securityPin: number, pinWidth: PinWidth): void {
  appendChallengeAndPin(new Uint8Array(0), new Uint8Array(32), securityPin, pinWidth);
}

/** Keyturner States the lock pushes on its own between answers; skipped where another reply is awaited. */
function isPush(message: NukiMessage): boolean {
  return message.commandId === NUKI_COMMAND.KEYTURNER_STATES;
}

function unexpected(message: NukiMessage, wanted: string): CodedError {
  return protocolError(`The lock sent ${commandLabel(message.commandId)} where ${wanted} was expected`, { commandId: message.commandId });
}

import { ByteWriter } from '../protocol/bytes';
import { decodeRequestData, encodeErrorReport, encodeStatus, splitChallenge, splitChallengeAndPin, type PinWidth } from '../protocol/command-codec';
import { NUKI_COMMAND, NUKI_GATT, NUKI_STATUS } from '../protocol/command-ids';
import { decodeEncryptedFrame, encodeEncryptedFrame, type NukiMessage } from '../protocol/frames';
import { NUKI_ERROR } from '../protocol/nuki-errors';
import { encodeChallenge } from '../protocol/pairing-codec';
import { FakeBleLink } from './fake-ble-link';

/**
 * The lock side of USDIO for client tests, played from a script: it decrypts what the client wrote with the
 * protocol codecs, answers Request Data(Challenge) itself with a fresh nK, checks that a command carries the last
 * nK exactly once (else K_ERROR_BAD_NONCE, as a real lock), splits off the security PIN, and passes the command to
 * `respond`, whose replies it encrypts and sends as 20-byte indications. Not a model of a lock: each test says
 * what the lock answers.
 */

/** A command as the scripted lock received it. */
export interface ReceivedCommand {
  commandId: number;
  /** The body without nK and PIN (for Request Data: the requested id and extra bytes). */
  body: Uint8Array;
  /** The security PIN the command carried, if its pattern has one. */
  securityPin?: number;
  /** The challenge it carried, if any. */
  challenge?: Uint8Array;
}

/** What the scripted lock answers to one command; nothing = silence. */
export type LockResponder = (command: ReceivedCommand, lock: ScriptedNukiLock) => NukiMessage[] | void;

const WITH_CHALLENGE = new Set<number>([NUKI_COMMAND.REQUEST_CONFIG, NUKI_COMMAND.LOCK_ACTION]);
const WITH_PIN = new Set<number>([
  NUKI_COMMAND.VERIFY_SECURITY_PIN, NUKI_COMMAND.UPDATE_TIME, NUKI_COMMAND.SET_CONFIG, NUKI_COMMAND.REQUEST_LOG_ENTRIES,
  NUKI_COMMAND.ENABLE_LOGGING, NUKI_COMMAND.ADD_KEYPAD_CODE, NUKI_COMMAND.UPDATE_KEYPAD_CODE, NUKI_COMMAND.REMOVE_KEYPAD_CODE,
  NUKI_COMMAND.REQUEST_KEYPAD_CODES,
]);

/** Status COMPLETE as a reply. */
export const complete = (): NukiMessage => ({ commandId: NUKI_COMMAND.STATUS, payload: encodeStatus(NUKI_STATUS.COMPLETE) });
/** Status ACCEPTED as a reply. */
export const accepted = (): NukiMessage => ({ commandId: NUKI_COMMAND.STATUS, payload: encodeStatus(NUKI_STATUS.ACCEPTED) });
/** An Error Report as a reply. */
export const errorReport = (errorCode: number, commandId: number): NukiMessage => ({
  commandId: NUKI_COMMAND.ERROR_REPORT,
  payload: encodeErrorReport({ errorCode, commandId }),
});

/** A scripted Nuki lock on a FakeBleLink's USDIO. */
export class ScriptedNukiLock {
  readonly link: FakeBleLink;
  /** Every frame the client wrote, decrypted, with its box nonce (hex). */
  readonly frames: Array<{ commandId: number; payload: Uint8Array; nonceHex: string }> = [];
  /** Commands passed to `respond`, in order. */
  readonly commands: ReceivedCommand[] = [];
  /** Challenges handed out, in order. */
  readonly challenges: Uint8Array[] = [];
  respond: LockResponder = () => [complete()];
  /** Bytes per indication (20 = default MTU). */
  chunkSize = 20;
  #pending: Uint8Array | null = null;
  #counter = 0;

  constructor(
    readonly authId: number,
    readonly sharedKey: Uint8Array,
    readonly pinWidth: PinWidth = 2,
    link = new FakeBleLink(),
  ) {
    this.link = link;
    link.onWrite = (characteristic, value) => {
      if (characteristic === NUKI_GATT.KEYTURNER_USDIO) this.#receive(value);
    };
  }

  /** Sends messages now, encrypted, each chopped into indications. */
  async send(...messages: NukiMessage[]): Promise<void> {
    for (const message of messages) {
      const nonce = new ByteWriter().u32(++this.#counter).bytes(new Uint8Array(20).fill(0x5a)).toBytes();
      await this.sendRaw(encodeEncryptedFrame(message, { key: this.sharedKey, authId: this.authId, nonce }));
    }
  }

  /** Sends raw bytes as indications (a damaged frame, a frame under another key). */
  sendRaw(frame: Uint8Array): Promise<void> {
    return this.link.indicate(NUKI_GATT.KEYTURNER_USDIO, frame, this.chunkSize);
  }

  #receive(frame: Uint8Array): void {
    const decoded = decodeEncryptedFrame(frame, { key: this.sharedKey, expectedAuthId: this.authId });
    if (!decoded.ok) throw new Error(`scripted lock could not read the client's frame: ${decoded.failure.kind}`);
    const { commandId, payload, nonce } = decoded.value;
    this.frames.push({ commandId, payload, nonceHex: Buffer.from(nonce).toString('hex') });
    if (commandId === NUKI_COMMAND.REQUEST_DATA && decodeRequestData(payload).commandId === NUKI_COMMAND.CHALLENGE) {
      const challenge = new Uint8Array(32).fill(this.challenges.length + 1);
      this.challenges.push(challenge);
      this.#pending = challenge;
      void this.send({ commandId: NUKI_COMMAND.CHALLENGE, payload: encodeChallenge(challenge) });
      return;
    }
    const command = this.#split(commandId, payload);
    if (!command) {
      void this.send(errorReport(NUKI_ERROR.BAD_NONCE, commandId));
      return;
    }
    this.commands.push(command);
    const replies = this.respond(command, this);
    if (replies) void this.send(...replies);
  }

  /** Splits nK (and PIN) off a command; null when it does not carry the pending challenge (which is then spent). */
  #split(commandId: number, payload: Uint8Array): ReceivedCommand | null {
    if (!WITH_CHALLENGE.has(commandId) && !WITH_PIN.has(commandId)) return { commandId, body: payload };
    const parts = WITH_PIN.has(commandId) ? splitChallengeAndPin(payload, this.pinWidth) : splitChallenge(payload);
    const pending = this.#pending;
    this.#pending = null;
    if (!pending || Buffer.compare(Buffer.from(pending), Buffer.from(parts.challenge)) !== 0) return null;
    return { commandId, ...parts };
  }
}

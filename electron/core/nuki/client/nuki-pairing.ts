import { CodedError } from '../../../../shared/result';
import { ByteReader } from '../protocol/bytes';
import { decodeErrorReport, decodeStatus, encodeRequestData } from '../protocol/command-codec';
import { commandLabel, NUKI_COMMAND, NUKI_ID_TYPE, NUKI_STATUS } from '../protocol/command-ids';
import { decodePlainFrame, encodePlainFrame, type NukiMessage } from '../protocol/frames';
import { createChallengeNonce, createKeyPair, deriveSharedKey, randomBytes, type NukiKeyPair, type RandomSource } from '../protocol/nuki-crypto';
import { frameFailureToCodedError, nukiErrorToCodedError } from '../protocol/nuki-errors';
import {
  decodeAuthorizationId,
  decodeChallenge,
  decodePublicKey,
  encodeAuthorizationAuthenticator,
  encodeAuthorizationData,
  encodeAuthorizationIdConfirmation,
  encodePublicKey,
} from '../protocol/pairing-codec';
import type { NukiChannel } from './nuki-channel';
import type { NukiCredentials } from './nuki-session';

/**
 * Pairing with a Smart Lock 1.0–4.0 on the pairing GDIO, unencrypted (nuki-ble.md §3):
 *
 *   CL Request Data(Public Key) ─▶ SL Public Key pk_sl          k = HSalsa20(X25519(sk_cl, pk_sl))
 *   CL Public Key pk_cl ─▶ SL Challenge nK1 ─▶ CL Authorization Authenticator ─▶ SL Challenge nK2
 *   CL Authorization Data (App, appId, name, nA) ─▶ SL Authorization-ID (checked against nA)
 *   CL Authorization-ID Confirmation ─▶ SL Status COMPLETE
 *
 * The result holds the shared key: the caller stores it through the OS keychain. Nothing here logs, and no error
 * message carries key material. The Ultra (Authorization Info instead of the second challenge) is refused as
 * `lock.unsupported`.
 */

/** What pairing yields; the caller keeps all of it (authId and sharedKey open every later session). */
export interface NukiPairing extends NukiCredentials {
  /** The app id Lockbench registered under; keep it with the key. */
  appId: number;
  /** The lock's 16-byte UUID (stable until a factory reset). */
  lockUuid: Uint8Array;
  /** The Nuki ID when the caller knew it (from the advertised name); pairing itself does not carry it. */
  nukiId?: number;
}

/** What pairing needs; everything random is injectable to replay the official example. */
export interface PairNukiOptions {
  /** A plain channel on the pairing GDIO. */
  channel: NukiChannel;
  /** Shown in the lock's user list and log (at most 32 bytes of UTF-8). Default "Lockbench". */
  name?: string;
  /** Default: a random u32. */
  appId?: number;
  /** Default: a fresh X25519 keypair. */
  keyPair?: NukiKeyPair;
  /** Default: a fresh random nA. */
  clientNonce?: Uint8Array;
  /** The Nuki ID as advertised, copied into the result. */
  nukiId?: number;
  /** Longest wait for each reply. Default 15 s (the installer may still be holding the button). */
  replyTimeoutMs?: number;
  random?: RandomSource;
}

/**
 * Pairs Lockbench with the lock as an App. Rejects `lock.not_pairing` (button not held), `lock.pairing_refused`
 * (bad authenticator either way, bad parameter, too many users), `lock.no_answer`, `lock.connection_lost`.
 */
export async function pairNukiLock(options: PairNukiOptions): Promise<NukiPairing> {
  const { channel } = options;
  const random = options.random ?? randomBytes;
  const timeoutMs = options.replyTimeoutMs ?? 15_000;
  const keyPair = options.keyPair ?? createKeyPair();
  const appId = options.appId ?? new ByteReader(random(4)).u32();
  const clientNonce = options.clientNonce ?? createChallengeNonce(random);

  const send = (commandId: number, payload: Uint8Array): Promise<void> => channel.write(encodePlainFrame(commandId, payload));
  const receive = async (wanted: number): Promise<Uint8Array> => {
    const message = decodeReply(await channel.next(timeoutMs));
    if (message.commandId === wanted) return message.payload;
    if (message.commandId === NUKI_COMMAND.AUTHORIZATION_INFO) {
      throw new CodedError('lock.unsupported', 'This lock pairs like a Smart Lock Ultra, which Lockbench cannot pair yet');
    }
    throw new CodedError('lock.protocol_error', `The lock sent ${commandLabel(message.commandId)} where ${commandLabel(wanted)} was expected`);
  };

  return channel.exclusive(async () => {
    channel.clear();
    await send(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.PUBLIC_KEY));
    const lockPublicKey = decodePublicKey(await receive(NUKI_COMMAND.PUBLIC_KEY));
    await send(NUKI_COMMAND.PUBLIC_KEY, encodePublicKey(keyPair.publicKey));
    const sharedKey = deriveSharedKey(keyPair.secretKey, lockPublicKey);

    const challenge1 = decodeChallenge(await receive(NUKI_COMMAND.CHALLENGE));
    const inputs = { clientPublicKey: keyPair.publicKey, lockPublicKey, challenge: challenge1 };
    await send(NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR, encodeAuthorizationAuthenticator(sharedKey, inputs));

    const challenge2 = decodeChallenge(await receive(NUKI_COMMAND.CHALLENGE));
    const data = { idType: NUKI_ID_TYPE.APP, appId, name: options.name ?? 'Lockbench', clientNonce };
    await send(NUKI_COMMAND.AUTHORIZATION_DATA, encodeAuthorizationData(sharedKey, data, challenge2));

    const id = decodeAuthorizationId(sharedKey, await receive(NUKI_COMMAND.AUTHORIZATION_ID), clientNonce);
    if (!id.isAuthentic) {
      throw new CodedError('lock.pairing_refused', "The lock's Authorization-ID did not authenticate; pairing was not completed");
    }
    await send(NUKI_COMMAND.AUTHORIZATION_ID_CONFIRMATION, encodeAuthorizationIdConfirmation(sharedKey, id.authId, id.lockNonce));

    const status = decodeStatus(await receive(NUKI_COMMAND.STATUS));
    if (status !== NUKI_STATUS.COMPLETE) throw new CodedError('lock.protocol_error', `Pairing ended with Status 0x${status.toString(16)}`);
    const pairing: NukiPairing = { authId: id.authId, sharedKey, appId, lockUuid: id.lockUuid };
    if (options.nukiId !== undefined) pairing.nukiId = options.nukiId;
    return pairing;
  });
}

/** A plain reply decoded; an Error Report is thrown as its CodedError (0x10 → lock.not_pairing, …). */
function decodeReply(frame: Uint8Array): NukiMessage {
  const decoded = decodePlainFrame(frame);
  if (!decoded.ok) throw frameFailureToCodedError(decoded.failure);
  if (decoded.value.commandId === NUKI_COMMAND.ERROR_REPORT) throw nukiErrorToCodedError(decodeErrorReport(decoded.value.payload));
  return decoded.value;
}

import { decodeRequestData } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND, NUKI_ID_TYPE } from '../../nuki/protocol/command-ids';
import type { NukiMessage } from '../../nuki/protocol/frames';
import { createChallengeNonce, createKeyPair, deriveSharedKey, type NukiKeyPair, type RandomSource } from '../../nuki/protocol/nuki-crypto';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import {
  decodeAuthorizationData,
  decodeAuthorizationIdConfirmation,
  decodePublicKey,
  encodeAuthorizationId,
  encodeChallenge,
  encodePublicKey,
  verifyAuthorizationAuthenticator,
  type AuthorizationData,
} from '../../nuki/protocol/pairing-codec';
import { isCodedError } from '../../../../shared/result';
import { errorReply, reply, statusReply } from './lock-replies';

/**
 * The lock's side of pairing (nuki-ble.md §3), one session per connection, on the pairing GDIO:
 *
 *   Request Data(Public Key) ─▶ Public Key pk_sl          (not in pairing mode: P_ERROR_NOT_PAIRING 0x10)
 *   Public Key pk_cl        ─▶ Challenge nK1             k = HSalsa20(X25519(sk_sl, pk_cl))
 *   Authenticator           ─▶ Challenge nK2             wrong HMAC: P_ERROR_BAD_AUTHENTICATOR 0x11
 *   Authorization Data      ─▶ Authorization-ID nK3      wrong HMAC 0x11 · unknown idType 0x12 · full 0x13
 *   Confirmation            ─▶ Status COMPLETE           wrong HMAC or auth id 0x11; only now is the client stored
 *
 * Any refusal or a message out of turn ends the session (out of turn: P_ERROR_BAD_PARAMETER); the client starts over.
 */

/** What pairing needs from the lock. */
export interface PairingHost {
  /** Pairing mode (button held, not timed out) and "pairing enabled" in the config. */
  isPairingMode(): boolean;
  /** Whether one more authorization fits. */
  hasRoomForUser(): boolean;
  /** The auth id the next authorization will get. */
  nextAuthId(): number;
  lockUuid(): Uint8Array;
  /** Stores the new authorization and leaves pairing mode. */
  completePairing(authorization: { authId: number; sharedKey: Uint8Array } & Omit<AuthorizationData, 'clientNonce'>): void;
  random: RandomSource;
}

/** One connection's pairing conversation. */
export interface PairingSession {
  /** Handles one decoded message from the pairing GDIO; returns the replies, in order. */
  receive(message: NukiMessage): NukiMessage[];
}

type Step =
  | { name: 'idle' }
  | { name: 'client_key'; lockKeys: NukiKeyPair }
  | { name: 'authenticator'; key: Uint8Array; lockKeys: NukiKeyPair; clientPublicKey: Uint8Array; challenge: Uint8Array }
  | { name: 'data'; key: Uint8Array; challenge: Uint8Array }
  | { name: 'confirmation'; key: Uint8Array; authId: number; lockNonce: Uint8Array; data: AuthorizationData };

/** Starts a pairing session for one connection. */
export function createPairingSession(host: PairingHost): PairingSession {
  let step: Step = { name: 'idle' };

  function handle(message: NukiMessage): NukiMessage[] {
    const { commandId, payload } = message;
    const fail = (errorCode: number): NukiMessage[] => ((step = { name: 'idle' }), [errorReply(errorCode, commandId)]);
    if (commandId === NUKI_COMMAND.REQUEST_DATA && decodeRequestData(payload).commandId === NUKI_COMMAND.PUBLIC_KEY) {
      if (!host.isPairingMode()) return fail(NUKI_ERROR.NOT_PAIRING);
      const lockKeys = createKeyPair(host.random(32));
      step = { name: 'client_key', lockKeys };
      return [reply(NUKI_COMMAND.PUBLIC_KEY, encodePublicKey(lockKeys.publicKey))];
    }
    if (step.name === 'idle') return fail(NUKI_ERROR.PAIRING_BAD_PARAMETER);
    if (!host.isPairingMode()) return fail(NUKI_ERROR.NOT_PAIRING);

    if (step.name === 'client_key' && commandId === NUKI_COMMAND.PUBLIC_KEY) {
      const clientPublicKey = decodePublicKey(payload);
      const key = deriveSharedKey(step.lockKeys.secretKey, clientPublicKey);
      const challenge = createChallengeNonce(host.random);
      step = { name: 'authenticator', key, lockKeys: step.lockKeys, clientPublicKey, challenge };
      return [reply(NUKI_COMMAND.CHALLENGE, encodeChallenge(challenge))];
    }
    if (step.name === 'authenticator' && commandId === NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR) {
      const inputs = { clientPublicKey: step.clientPublicKey, lockPublicKey: step.lockKeys.publicKey, challenge: step.challenge };
      if (!verifyAuthorizationAuthenticator(step.key, payload, inputs)) return fail(NUKI_ERROR.BAD_AUTHENTICATOR);
      const challenge = createChallengeNonce(host.random);
      step = { name: 'data', key: step.key, challenge };
      return [reply(NUKI_COMMAND.CHALLENGE, encodeChallenge(challenge))];
    }
    if (step.name === 'data' && commandId === NUKI_COMMAND.AUTHORIZATION_DATA) {
      const { isAuthentic, ...data } = decodeAuthorizationData(step.key, payload, step.challenge);
      if (!isAuthentic) return fail(NUKI_ERROR.BAD_AUTHENTICATOR);
      if (!Object.values(NUKI_ID_TYPE).includes(data.idType as never)) return fail(NUKI_ERROR.PAIRING_BAD_PARAMETER);
      if (!host.hasRoomForUser()) return fail(NUKI_ERROR.MAX_USER);
      const authId = host.nextAuthId();
      const lockNonce = createChallengeNonce(host.random);
      step = { name: 'confirmation', key: step.key, authId, lockNonce, data };
      const body = encodeAuthorizationId(step.key, { authId, lockUuid: host.lockUuid(), lockNonce }, data.clientNonce);
      return [reply(NUKI_COMMAND.AUTHORIZATION_ID, body)];
    }
    if (step.name === 'confirmation' && commandId === NUKI_COMMAND.AUTHORIZATION_ID_CONFIRMATION) {
      const confirmation = decodeAuthorizationIdConfirmation(step.key, payload, step.lockNonce);
      if (!confirmation.isAuthentic || confirmation.authId !== step.authId) return fail(NUKI_ERROR.BAD_AUTHENTICATOR);
      const { idType, appId, name } = step.data;
      host.completePairing({ authId: step.authId, sharedKey: step.key, idType, appId, name });
      step = { name: 'idle' };
      return [statusReply()];
    }
    return fail(NUKI_ERROR.PAIRING_BAD_PARAMETER);
  }

  return {
    receive(message) {
      try {
        return handle(message);
      } catch (error) {
        // A body the codecs cannot read (wrong length): a pairing parameter error, and the session starts over.
        if (!isCodedError(error)) throw error;
        step = { name: 'idle' };
        return [errorReply(NUKI_ERROR.PAIRING_BAD_PARAMETER, message.commandId)];
      }
    },
  };
}

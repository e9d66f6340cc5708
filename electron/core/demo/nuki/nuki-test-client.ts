import type { BleLink, BleRadio } from '../../ble/ble-radio';
import { appendChallenge, appendChallengeAndPin, decodeErrorReport, encodeRequestData, type ErrorReport } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND, NUKI_GATT, NUKI_ID_TYPE } from '../../nuki/protocol/command-ids';
import {
  decodeEncryptedFrame,
  decodePlainFrame,
  encodeEncryptedFrame,
  encodePlainFrame,
  type EncryptedNukiMessage,
  type NukiMessage,
} from '../../nuki/protocol/frames';
import { createBoxNonce, createChallengeNonce, createKeyPair, deriveSharedKey } from '../../nuki/protocol/nuki-crypto';
import {
  decodeAuthorizationId,
  decodeChallenge,
  decodePublicKey,
  encodeAuthorizationAuthenticator,
  encodeAuthorizationData,
  encodeAuthorizationIdConfirmation,
  encodePublicKey,
} from '../../nuki/protocol/pairing-codec';
import { createReassembler } from '../../nuki/protocol/reassembly';

/**
 * A test stand-in for Lockbench's Nuki client, built from the protocol codecs only: it writes encoded frames through a
 * BleRadio, collects the 20-byte indications, reassembles and decrypts them. The virtual lock's tests drive it; it knows
 * nothing of the lock's insides.
 */

/** What pairing gave the client. */
export interface TestPairing {
  authId: number;
  key: Uint8Array;
  lockUuid: Uint8Array;
  /** Whether the lock's Authorization-ID authenticator (covering nA) checked out. */
  isLockAuthentic: boolean;
}

/** How the client authorizes a command: nothing, a challenge, or challenge + security PIN. */
export type TestAuth = 'none' | 'challenge' | { pin: number };

/** A connected test client. */
export interface NukiTestClient {
  readonly link: BleLink;
  /** The size of every indication received, in order. */
  readonly chunkSizes: number[];
  /** Why the link dropped, once it has. */
  readonly disconnectReason: string | null;
  sendPlain(commandId: number, payload: Uint8Array): Promise<void>;
  nextPlain(timeoutMs?: number): Promise<NukiMessage>;
  /** Writes raw bytes to the pairing GDIO or the USDIO. */
  writeRaw(characteristic: 'pairing' | 'usdio', bytes: Uint8Array): Promise<void>;
  /** Pairs (the lock must be in pairing mode); an Error Report on the way is returned as `refused`. */
  pair(options?: { name?: string; appId?: number; wrongAuthenticator?: boolean }): Promise<{ ok: true; pairing: TestPairing } | { ok: false; refused: ErrorReport }>;
  /** Uses this authorization for encrypted commands. */
  authorize(pairing: Pick<TestPairing, 'authId' | 'key'>): void;
  /** Sends an encrypted command (a fresh box nonce unless given); returns the nonce used. */
  sendEncrypted(commandId: number, payload: Uint8Array, nonce?: Uint8Array): Promise<Uint8Array>;
  nextEncrypted(timeoutMs?: number): Promise<EncryptedNukiMessage>;
  /** Request Data(Challenge) → nK. */
  challenge(): Promise<Uint8Array>;
  /**
   * Sends `body` authorized as asked (a fresh challenge each time) and collects the replies up to Status, Error Report or
   * `last` (e.g. KEYPAD_CODE_ID, CONFIG).
   */
  command(commandId: number, body: Uint8Array, auth: TestAuth, last?: number): Promise<NukiMessage[]>;
}

const PAIRING = { service: NUKI_GATT.PAIRING_SERVICE, characteristic: NUKI_GATT.PAIRING_GDIO };
const USDIO = { service: NUKI_GATT.KEYTURNER_SERVICE, characteristic: NUKI_GATT.KEYTURNER_USDIO };

/** Connects to `address` and turns on indications of both characteristics. */
export async function connectTestClient(radio: BleRadio, address: string): Promise<NukiTestClient> {
  const link = await radio.connect(address);
  const chunkSizes: number[] = [];
  let disconnectReason: string | null = null;
  link.onDisconnect((reason) => void (disconnectReason = reason));
  const plain = createQueue<NukiMessage>();
  const encrypted = createQueue<EncryptedNukiMessage>();
  let auth: Pick<TestPairing, 'authId' | 'key'> | null = null;

  const plainChunks = createReassembler({ kind: 'plain' });
  await link.subscribe(PAIRING.service, PAIRING.characteristic, (chunk) => {
    chunkSizes.push(chunk.length);
    for (const frame of plainChunks.push(chunk)) {
      const decoded = decodePlainFrame(frame);
      if (decoded.ok) plain.put(decoded.value);
    }
  });
  const encryptedChunks = createReassembler({ kind: 'encrypted' });
  await link.subscribe(USDIO.service, USDIO.characteristic, (chunk) => {
    chunkSizes.push(chunk.length);
    for (const frame of encryptedChunks.push(chunk)) {
      if (!auth) continue;
      const decoded = decodeEncryptedFrame(frame, { key: auth.key, expectedAuthId: auth.authId });
      if (decoded.ok) encrypted.put(decoded.value);
    }
  });

  const client: NukiTestClient = {
    link,
    chunkSizes,
    get disconnectReason() {
      return disconnectReason;
    },
    sendPlain: (commandId, payload) => link.write(PAIRING.service, PAIRING.characteristic, encodePlainFrame(commandId, payload)),
    nextPlain: (timeoutMs) => plain.take(timeoutMs),
    writeRaw: (characteristic, bytes) => {
      const target = characteristic === 'pairing' ? PAIRING : USDIO;
      return link.write(target.service, target.characteristic, bytes);
    },
    async pair(options = {}) {
      const step = async (commandId: number, payload: Uint8Array): Promise<NukiMessage> => {
        await client.sendPlain(commandId, payload);
        return client.nextPlain();
      };
      const refused = (m: NukiMessage) => (m.commandId === NUKI_COMMAND.ERROR_REPORT ? { ok: false as const, refused: decodeErrorReport(m.payload) } : null);
      let m = await step(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.PUBLIC_KEY));
      if (refused(m)) return refused(m)!;
      const lockPublicKey = decodePublicKey(m.payload);
      const keys = createKeyPair();
      const key = deriveSharedKey(keys.secretKey, lockPublicKey);
      m = await step(NUKI_COMMAND.PUBLIC_KEY, encodePublicKey(keys.publicKey));
      const authenticator = encodeAuthorizationAuthenticator(key, { clientPublicKey: keys.publicKey, lockPublicKey, challenge: decodeChallenge(m.payload) });
      if (options.wrongAuthenticator) authenticator[0] = (authenticator[0] as number) ^ 0xff;
      m = await step(NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR, authenticator);
      if (refused(m)) return refused(m)!;
      const clientNonce = createChallengeNonce();
      const data = { idType: NUKI_ID_TYPE.APP, appId: options.appId ?? 0x4c4b4245, name: options.name ?? 'Lockbench test', clientNonce };
      m = await step(NUKI_COMMAND.AUTHORIZATION_DATA, encodeAuthorizationData(key, data, decodeChallenge(m.payload)));
      if (refused(m)) return refused(m)!;
      const id = decodeAuthorizationId(key, m.payload, clientNonce);
      m = await step(NUKI_COMMAND.AUTHORIZATION_ID_CONFIRMATION, encodeAuthorizationIdConfirmation(key, id.authId, id.lockNonce));
      if (refused(m)) return refused(m)!;
      if (m.commandId !== NUKI_COMMAND.STATUS) throw new Error(`pairing ended with 0x${m.commandId.toString(16)}`);
      const pairing = { authId: id.authId, key, lockUuid: id.lockUuid, isLockAuthentic: id.isAuthentic };
      client.authorize(pairing);
      return { ok: true, pairing };
    },
    authorize: (pairing) => void (auth = pairing),
    async sendEncrypted(commandId, payload, nonce = createBoxNonce()) {
      if (!auth) throw new Error('not paired');
      await link.write(USDIO.service, USDIO.characteristic, encodeEncryptedFrame({ commandId, payload }, { ...auth, nonce }));
      return nonce;
    },
    nextEncrypted: (timeoutMs) => encrypted.take(timeoutMs),
    async challenge() {
      await client.sendEncrypted(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.CHALLENGE));
      const m = await client.nextEncrypted();
      if (m.commandId !== NUKI_COMMAND.CHALLENGE) throw new Error(`expected a challenge, got 0x${m.commandId.toString(16)}`);
      return decodeChallenge(m.payload);
    },
    async command(commandId, body, how, last) {
      const payload = how === 'none' ? body : how === 'challenge' ? appendChallenge(body, await client.challenge()) : appendChallengeAndPin(body, await client.challenge(), how.pin, 2);
      await client.sendEncrypted(commandId, payload);
      const replies: NukiMessage[] = [];
      for (;;) {
        const m = await client.nextEncrypted();
        replies.push(m);
        if (m.commandId === NUKI_COMMAND.STATUS || m.commandId === NUKI_COMMAND.ERROR_REPORT || m.commandId === last) return replies;
      }
    },
  };
  return client;
}

/** A FIFO whose `take` waits (up to `timeoutMs`, default 2 s) for the next item. */
function createQueue<T>() {
  const items: T[] = [];
  const waiters: Array<(item: T) => void> = [];
  return {
    put(item: T) {
      const waiter = waiters.shift();
      if (waiter) waiter(item);
      else items.push(item);
    },
    take(timeoutMs = 2000): Promise<T> {
      const ready = items.shift();
      if (ready !== undefined) return Promise.resolve(ready);
      return new Promise<T>((resolve, reject) => {
        const waiter = (item: T): void => (clearTimeout(timer), resolve(item));
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no message within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
  };
}

import { describe, expect, it } from 'vitest';
import { isCodedError } from '../../../../shared/result';
import { ManualClock } from '../../ports/clock';
import { bytesToHex, concatBytes, hexToBytes as h } from '../protocol/bytes';
import { encodeErrorReport } from '../protocol/command-codec';
import { NUKI_COMMAND, NUKI_GATT } from '../protocol/command-ids';
import { encodePlainFrame } from '../protocol/frames';
import { createKeyPair } from '../protocol/nuki-crypto';
import { NUKI_ERROR } from '../protocol/nuki-errors';
import { PDF_EXAMPLE as PDF } from '../protocol/pdf-example';
import { FakeBleLink, settle } from './fake-ble-link';
import { openNukiChannel } from './nuki-channel';
import { pairNukiLock, type PairNukiOptions } from './nuki-pairing';

const GDIO = NUKI_GATT.PAIRING_GDIO;
const keyPair = createKeyPair(h(PDF.clientSecretKey));
/** The lock's side of the official example: what it sends after each of the client's five writes. */
const PDF_REPLIES = [
  PDF.lockPublicKeyChunks.join(''),
  PDF.challenge1Message,
  PDF.challenge2Message,
  PDF.authorizationIdChunks.join(''),
  PDF.statusCompleteMessage,
].map(h);
const errorFrame = (errorCode: number, commandId: number) => encodePlainFrame(NUKI_COMMAND.ERROR_REPORT, encodeErrorReport({ errorCode, commandId }));

/** Plays the lock: after write n it sends replies[n] (undefined = silence) as 20-byte indications. */
async function pairAgainst(replies: Array<Uint8Array | undefined>, options: Partial<PairNukiOptions> = {}) {
  const link = new FakeBleLink();
  const clock = new ManualClock('2025-01-01T00:00:00Z');
  link.onWrite = () => {
    const reply = replies[link.writes.length - 1];
    if (reply) void link.indicate(GDIO, reply);
  };
  const channel = await openNukiChannel({ link, service: NUKI_GATT.PAIRING_SERVICE, characteristic: GDIO, framing: 'plain', clock });
  const result = pairNukiLock({ channel, keyPair, appId: 0, name: 'Marc (Test)', clientNonce: h(PDF.clientNonce), replyTimeoutMs: 5000, ...options });
  return { link, clock, result };
}

describe('nuki pairing (Smart Lock 1.0–4.0)', () => {
  it('writes the official example byte for byte and returns the credentials', async () => {
    const { link, result } = await pairAgainst(PDF_REPLIES, { nukiId: 0x3c8862ed });
    const pairing = await result;
    expect(link.writes.map((w) => w.characteristic)).toEqual(Array(5).fill(GDIO));
    expect(link.writes.map((w) => bytesToHex(w.value))).toEqual(
      [PDF.requestPublicKey, PDF.clientPublicKeyMessage, PDF.authenticatorMessage, PDF.authorizationDataMessage, PDF.authorizationIdConfirmationMessage].map((m) =>
        bytesToHex(h(m)),
      ),
    );
    expect({ ...pairing, sharedKey: bytesToHex(pairing.sharedKey), lockUuid: bytesToHex(pairing.lockUuid) }).toEqual({
      authId: PDF.authId,
      sharedKey: PDF.sharedKey,
      appId: 0,
      lockUuid: PDF.lockUuid,
      nukiId: 0x3c8862ed,
    });
  });

  it('registers as an App with a random app id, the name "Lockbench" and idType 0 by default', async () => {
    const { link, result } = await pairAgainst([PDF_REPLIES[0], PDF_REPLIES[1], PDF_REPLIES[2]], { appId: undefined, name: undefined, random: () => h('78563412') });
    await settle();
    const data = link.writes[3]!.value;
    expect(data[2 + 32]).toBe(0);
    expect(bytesToHex(data.subarray(2 + 33, 2 + 37))).toBe('78563412');
    expect(new TextDecoder().decode(data.subarray(2 + 37, 2 + 46))).toBe('Lockbench');
    await link.disconnect();
    await expect(result).rejects.toMatchObject({ code: 'lock.connection_lost' });
  });

  it('refuses an Authorization-ID whose authenticator does not cover our nA', async () => {
    const { link, result } = await pairAgainst(PDF_REPLIES, { clientNonce: new Uint8Array(32).fill(1) });
    await expect(result).rejects.toMatchObject({ code: 'lock.pairing_refused' });
    expect(link.writes).toHaveLength(4);
  });

  it('maps P_ERROR_NOT_PAIRING (button not held) to lock.not_pairing', async () => {
    const { result } = await pairAgainst([errorFrame(NUKI_ERROR.NOT_PAIRING, NUKI_COMMAND.REQUEST_DATA)]);
    await expect(result).rejects.toMatchObject({ code: 'lock.not_pairing' });
  });

  it.each([
    ['bad authenticator', NUKI_ERROR.BAD_AUTHENTICATOR, NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR, 2],
    ['bad parameter', NUKI_ERROR.PAIRING_BAD_PARAMETER, NUKI_COMMAND.AUTHORIZATION_DATA, 3],
    ['too many users', NUKI_ERROR.MAX_USER, NUKI_COMMAND.AUTHORIZATION_DATA, 3],
  ])('maps %s to lock.pairing_refused', async (_name, errorCode, commandId, step) => {
    const replies = [...PDF_REPLIES.slice(0, step), errorFrame(errorCode, commandId)];
    const { result } = await pairAgainst(replies);
    await expect(result).rejects.toMatchObject({ code: 'lock.pairing_refused' });
  });

  it('times out with lock.no_answer when the lock goes quiet', async () => {
    const { clock, result } = await pairAgainst([PDF_REPLIES[0]]);
    await settle();
    clock.advance(5000);
    await expect(result).rejects.toMatchObject({ code: 'lock.no_answer' });
  });

  it('refuses the Ultra flow (Authorization Info instead of the second challenge) as lock.unsupported', async () => {
    const info = encodePlainFrame(NUKI_COMMAND.AUTHORIZATION_INFO, h('01'));
    const { result } = await pairAgainst([PDF_REPLIES[0], PDF_REPLIES[1], info]);
    await expect(result).rejects.toMatchObject({ code: 'lock.unsupported' });
  });

  it('never puts key material in an error message or its details', async () => {
    const secrets = [PDF.sharedKey, PDF.clientSecretKey, PDF.clientNonce].map((s) => s.toLowerCase());
    const tampered = concatBytes(PDF_REPLIES[3]!.slice(0, 10), new Uint8Array(78));
    const failures = [
      await pairAgainst(PDF_REPLIES, { clientNonce: new Uint8Array(32).fill(1) }),
      await pairAgainst([...PDF_REPLIES.slice(0, 3), tampered]),
      await pairAgainst([errorFrame(NUKI_ERROR.MAX_USER, NUKI_COMMAND.AUTHORIZATION_DATA)]),
    ];
    for (const { result } of failures) {
      const error: unknown = await result.catch((e: unknown) => e);
      expect(isCodedError(error)).toBe(true);
      const text = JSON.stringify({ message: (error as Error).message, details: (error as { details?: unknown }).details }).toLowerCase();
      for (const secret of secrets) expect(text).not.toContain(secret.slice(0, 16));
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { ByteWriter, concatBytes } from '../../nuki/protocol/bytes';
import { appendChallengeAndPin, decodeErrorReport, encodeRequestData, type ErrorReport } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { crc16 } from '../../nuki/protocol/crc';
import { encodeAddKeypadCode, encodeRequestKeypadCodes, encodeUpdateKeypadCode } from '../../nuki/protocol/keypad-codes-codec';
import { createBoxNonce, sealBox } from '../../nuki/protocol/nuki-crypto';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import type { NukiMessage } from '../../nuki/protocol/frames';
import type { NukiTestClient, TestPairing } from './nuki-test-client';
import { pairedClient, startLab, TEST_PIN, type TestLab } from './nuki-test-lab';

let lab: TestLab;
let pairing: TestPairing;
afterEach(async () => {
  await lab.radio.close();
});

const pin = { pin: TEST_PIN };
const ADD = NUKI_COMMAND.ADD_KEYPAD_CODE;

async function start(spec = {}): Promise<NukiTestClient> {
  lab = await startLab({ spec });
  const paired = await pairedClient(lab);
  pairing = paired.pairing;
  return paired.client;
}

function refusal(replies: NukiMessage[]): ErrorReport {
  expect(replies.map((m) => m.commandId)).toEqual([NUKI_COMMAND.ERROR_REPORT]);
  return decodeErrorReport(replies[0]!.payload);
}

/** An Add Keypad Code body with any u32 on the wire as the code (the codec itself takes only 6 digits). */
function addBody(wireCode: number, name = 'Test'): Uint8Array {
  const body = encodeAddKeypadCode({ code: '456789', name, schedule: null });
  body.set(new ByteWriter().u32(wireCode).toBytes(), 0);
  return body;
}

const add = (client: NukiTestClient, code: string, name = 'Test') =>
  client.command(ADD, encodeAddKeypadCode({ code, name, schedule: null }), pin, NUKI_COMMAND.KEYPAD_CODE_ID);

describe('what the virtual Nuki lock refuses', () => {
  it('a duplicate code: K_ERROR_CODE_ALREADY_EXISTS (0x2A)', async () => {
    const client = await start();
    await add(client, '456789', 'First');
    expect(refusal(await add(client, '456789', 'Second'))).toEqual({ errorCode: NUKI_ERROR.CODE_ALREADY_EXISTS, commandId: ADD });
  });

  it('an update to a code another entry already has: 0x2A', async () => {
    const client = await start();
    await add(client, '456789', 'First');
    await add(client, '456788', 'Second');
    const update = encodeUpdateKeypadCode({ codeId: 2, code: '456789', name: 'Second', enabled: true, schedule: null });
    expect(refusal(await client.command(NUKI_COMMAND.UPDATE_KEYPAD_CODE, update, pin)).errorCode).toBe(NUKI_ERROR.CODE_ALREADY_EXISTS);
  });

  it.each([
    ['a 0 digit', 102345],
    ['starting with 12', 123456],
    ['5 digits', 12345],
    ['7 digits', 4567891],
  ])('an invalid code (%s): K_ERROR_CODE_INVALID (0x2B)', async (_why, wireCode) => {
    const client = await start();
    expect(refusal(await client.command(ADD, addBody(wireCode), pin))).toEqual({ errorCode: NUKI_ERROR.CODE_INVALID, commandId: ADD });
    expect(lab.lock.lock.keypadCodes()).toEqual([]);
  });

  it('a name cut inside a UTF-8 character, or an empty time window: K_ERROR_BAD_PARAMETER (0x23)', async () => {
    const client = await start();
    const body = addBody(456789);
    body.set([0x4b, 0xc3], 4); // "K" and the first byte of a two-byte character
    body.fill(0, 6, 24);
    expect(refusal(await client.command(ADD, body, pin)).errorCode).toBe(NUKI_ERROR.BAD_PARAMETER);
    const empty = encodeAddKeypadCode({
      code: '456789',
      name: 'Evening',
      schedule: { allowedFrom: null, allowedUntil: null, weekdays: ['mon'], fromTime: { hour: 18, minute: 0 }, untilTime: { hour: 9, minute: 0 } },
    });
    expect(refusal(await client.command(ADD, empty, pin)).errorCode).toBe(NUKI_ERROR.BAD_PARAMETER);
    const backwards = encodeAddKeypadCode({
      code: '456789',
      name: 'Backwards',
      schedule: { allowedFrom: new Date('2026-04-01T00:00:00Z'), allowedUntil: new Date('2026-03-01T00:00:00Z'), weekdays: ['mon'], fromTime: { hour: 0, minute: 0 }, untilTime: { hour: 0, minute: 0 } },
    });
    expect(refusal(await client.command(ADD, backwards, pin)).errorCode).toBe(NUKI_ERROR.BAD_PARAMETER);
  });

  it('one code more than its capacity: K_ERROR_TOO_MANY_ENTRIES (0x29)', async () => {
    const client = await start({ codeCapacity: 2 });
    await add(client, '456789');
    await add(client, '456788');
    expect(refusal(await add(client, '456787'))).toEqual({ errorCode: NUKI_ERROR.TOO_MANY_ENTRIES, commandId: ADD });
  });

  it('a wrong security PIN: 0x21 three times, then 0x28 for a minute even with the right PIN', async () => {
    const client = await start();
    const listCodes = (securityPin: number) => client.command(NUKI_COMMAND.REQUEST_KEYPAD_CODES, encodeRequestKeypadCodes({ offset: 0, count: 10 }), { pin: securityPin });
    for (let i = 0; i < 3; i++) expect(refusal(await listCodes(1111)).errorCode).toBe(NUKI_ERROR.BAD_PIN);
    expect(refusal(await listCodes(TEST_PIN)).errorCode).toBe(NUKI_ERROR.TOO_MANY_PIN_ATTEMPTS);
    lab.clock.advance(59_000);
    expect(refusal(await listCodes(TEST_PIN)).errorCode).toBe(NUKI_ERROR.TOO_MANY_PIN_ATTEMPTS);
    lab.clock.advance(1_000);
    expect((await listCodes(TEST_PIN)).at(-1)!.commandId).toBe(NUKI_COMMAND.STATUS);
  });

  it('the wrong_security_pin fault: every PIN-checked command gets 0x21; off again, the PIN works', async () => {
    const client = await start();
    lab.lock.setFault('wrong_security_pin');
    expect(refusal(await client.command(NUKI_COMMAND.VERIFY_SECURITY_PIN, new Uint8Array(0), pin)).errorCode).toBe(NUKI_ERROR.BAD_PIN);
    lab.lock.setFault('none');
    expect((await client.command(NUKI_COMMAND.VERIFY_SECURITY_PIN, new Uint8Array(0), pin)).map((m) => m.commandId)).toEqual([NUKI_COMMAND.STATUS]);
  });

  it('a challenge used twice, one that is not the last issued, or one too old: K_ERROR_BAD_NONCE (0x22)', async () => {
    const client = await start();
    const verify = async (challenge: Uint8Array) => {
      await client.sendEncrypted(NUKI_COMMAND.VERIFY_SECURITY_PIN, appendChallengeAndPin(new Uint8Array(0), challenge, TEST_PIN, 2));
      return client.nextEncrypted();
    };
    const first = await client.challenge();
    expect((await verify(first)).commandId).toBe(NUKI_COMMAND.STATUS);
    expect(decodeErrorReport((await verify(first)).payload).errorCode).toBe(NUKI_ERROR.BAD_NONCE);
    const older = await client.challenge();
    await client.challenge();
    expect(decodeErrorReport((await verify(older)).payload).errorCode).toBe(NUKI_ERROR.BAD_NONCE);
    const late = await client.challenge();
    lab.clock.advance(31_000);
    expect(decodeErrorReport((await verify(late)).payload).errorCode).toBe(NUKI_ERROR.BAD_NONCE);
  });

  it('a reused box nonce: K_ERROR_BAD_NONCE (0x22), and the lock keeps the record of nonces seen', async () => {
    const client = await start();
    const nonce = createBoxNonce();
    const request = encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES);
    await client.sendEncrypted(NUKI_COMMAND.REQUEST_DATA, request, nonce);
    expect((await client.nextEncrypted()).commandId).toBe(NUKI_COMMAND.KEYTURNER_STATES);
    await client.sendEncrypted(NUKI_COMMAND.REQUEST_DATA, request, nonce);
    expect(decodeErrorReport((await client.nextEncrypted()).payload)).toEqual({ errorCode: NUKI_ERROR.BAD_NONCE, commandId: NUKI_COMMAND.REQUEST_DATA });
    const seen = lab.lock.boxNoncesSeen(1);
    expect(seen.filter((n) => n === Buffer.from(nonce).toString('hex').toUpperCase())).toHaveLength(2);
  });

  it('a frame whose CRC inside the box is wrong: ERROR_BAD_CRC (0xFD)', async () => {
    const client = await start();
    const { key, authId } = pairing;
    const pdata = new ByteWriter().u32(authId).u16(NUKI_COMMAND.REQUEST_DATA).u16(NUKI_COMMAND.KEYTURNER_STATES).toBytes();
    const badCrc = new ByteWriter().u16(crc16(pdata) ^ 0x0101).toBytes();
    const nonce = createBoxNonce();
    const sealed = sealBox(concatBytes(pdata, badCrc), nonce, key);
    await client.writeRaw('usdio', concatBytes(nonce, new ByteWriter().u32(authId).u16(sealed.length).toBytes(), sealed));
    expect(decodeErrorReport((await client.nextEncrypted()).payload).errorCode).toBe(NUKI_ERROR.BAD_CRC);
  });

  it('an auth id it does not know: K_ERROR_NOT_AUTHORIZED (0x20), plain on the pairing GDIO (it has no key to answer with)', async () => {
    const client = await start();
    client.authorize({ authId: 77, key: new Uint8Array(32).fill(7) });
    await client.sendEncrypted(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES));
    expect(decodeErrorReport((await client.nextPlain()).payload).errorCode).toBe(NUKI_ERROR.NOT_AUTHORIZED);
    client.authorize({ authId: 1, key: new Uint8Array(32).fill(7) });
    await client.sendEncrypted(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES));
    expect(decodeErrorReport((await client.nextPlain()).payload).errorCode).toBe(NUKI_ERROR.NOT_AUTHORIZED);
  });
});

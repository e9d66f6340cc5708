import { describe, expect, it } from 'vitest';
import { ByteWriter, bytesToHex, concatBytes, hexToBytes as h } from '../protocol/bytes';
import { encodeRequestData, type PinWidth } from '../protocol/command-codec';
import { NUKI_COMMAND, NUKI_GATT } from '../protocol/command-ids';
import { encodeEncryptedFrame } from '../protocol/frames';
import { sealBox } from '../protocol/nuki-crypto';
import { PDF_EXAMPLE as PDF } from '../protocol/pdf-example';
import { settle } from './fake-ble-link';
import { openNukiChannel } from './nuki-channel';
import { createNukiSession } from './nuki-session';
import type { RandomSource } from '../protocol/nuki-crypto';
import { accepted, complete, ScriptedNukiLock } from './scripted-nuki-lock';

const key = h(PDF.sharedKey);
const AUTH_ID = 2;
const states = { commandId: NUKI_COMMAND.KEYTURNER_STATES, payload: h(PDF.keyturnerStatesPayload) };

async function setUp(options: { pinWidth?: PinWidth; random?: RandomSource } = {}) {
  const lock = new ScriptedNukiLock(AUTH_ID, key, options.pinWidth);
  const channel = await openNukiChannel({ link: lock.link, service: NUKI_GATT.KEYTURNER_SERVICE, characteristic: NUKI_GATT.KEYTURNER_USDIO, framing: 'encrypted' });
  const session = createNukiSession({ channel, credentials: { authId: AUTH_ID, sharedKey: key }, ...options });
  return { lock, session };
}

describe('nuki session', () => {
  it('sends a plain request as Request Data without a challenge and ends at the reply itself', async () => {
    const { lock, session } = await setUp();
    lock.respond = () => [states];
    const replies = await session.request(NUKI_COMMAND.KEYTURNER_STATES, { endsAt: NUKI_COMMAND.KEYTURNER_STATES });
    expect(replies.map((m) => bytesToHex(m.payload))).toEqual([PDF.keyturnerStatesPayload]);
    expect(lock.frames.map((f) => bytesToHex(f.payload))).toEqual(['0C00']);
    expect(lock.challenges).toHaveLength(0);
    expect(session.commandsSent).toBe(1);
  });

  it('fetches a new challenge for every command and uses each exactly once, with the PIN after it', async () => {
    const { lock, session } = await setUp();
    lock.respond = (c) => (c.commandId === NUKI_COMMAND.REQUEST_CONFIG ? [{ commandId: NUKI_COMMAND.CONFIG, payload: new Uint8Array(74) }] : [complete()]);
    await session.command(NUKI_COMMAND.REQUEST_CONFIG, new Uint8Array(0), { kind: 'challenge' }, { endsAt: NUKI_COMMAND.CONFIG });
    await session.command(NUKI_COMMAND.REMOVE_KEYPAD_CODE, h('0700'), { kind: 'security_pin', securityPin: 4711 }, { endsAt: 'status' });
    expect(lock.frames.map((f) => f.commandId)).toEqual([
      NUKI_COMMAND.REQUEST_DATA, NUKI_COMMAND.REQUEST_CONFIG, NUKI_COMMAND.REQUEST_DATA, NUKI_COMMAND.REMOVE_KEYPAD_CODE,
    ]);
    expect(bytesToHex(lock.frames[0]!.payload)).toBe('0400');
    expect(lock.challenges.map(bytesToHex)).toEqual([lock.commands[0]!.challenge, lock.commands[1]!.challenge].map((c) => bytesToHex(c!)));
    expect(new Set(lock.challenges.map(bytesToHex)).size).toBe(2);
    expect(lock.commands[1]).toMatchObject({ securityPin: 4711, body: h('0700') });
    expect(lock.frames[3]!.payload).toHaveLength(2 + 32 + 2);
    expect(session.commandsSent).toBe(2);
  });

  it('sends a 4-byte security PIN to an Ultra', async () => {
    const { lock, session } = await setUp({ pinWidth: 4 });
    await session.command(NUKI_COMMAND.VERIFY_SECURITY_PIN, new Uint8Array(0), { kind: 'security_pin', securityPin: 918273 }, { endsAt: 'status' });
    expect(lock.frames[1]!.payload).toHaveLength(32 + 4);
    expect(lock.commands[0]!.securityPin).toBe(918273);
  });

  it('never sends a box nonce twice, drawing again when the random source repeats', async () => {
    const draws = ['A', 'A', 'B', 'A', 'B', 'C', 'C', 'A', 'D'].map((c) => new Uint8Array(24).fill(c.charCodeAt(0)));
    let i = 0;
    const { lock, session } = await setUp({ random: () => draws[i++ % draws.length]! });
    await session.command(NUKI_COMMAND.VERIFY_SECURITY_PIN, new Uint8Array(0), { kind: 'security_pin', securityPin: 1234 }, { endsAt: 'status' });
    await session.command(NUKI_COMMAND.VERIFY_SECURITY_PIN, new Uint8Array(0), { kind: 'security_pin', securityPin: 1234 }, { endsAt: 'status' });
    const nonces = lock.frames.map((f) => f.nonceHex);
    expect(nonces).toHaveLength(4);
    expect(new Set(nonces).size).toBe(4);
  });

  it('refuses to send when the random source only ever repeats', async () => {
    const { lock, session } = await setUp({ random: () => new Uint8Array(24).fill(7) });
    lock.respond = () => [states];
    await session.request(NUKI_COMMAND.KEYTURNER_STATES, { endsAt: NUKI_COMMAND.KEYTURNER_STATES });
    await expect(session.request(NUKI_COMMAND.KEYTURNER_STATES, { endsAt: NUKI_COMMAND.KEYTURNER_STATES })).rejects.toMatchObject({ code: 'lock.failed' });
    expect(lock.frames).toHaveLength(1);
  });

  it('collects past Status ACCEPTED and skips a Keyturner States push until COMPLETE', async () => {
    const { lock, session } = await setUp();
    const count = { commandId: NUKI_COMMAND.KEYPAD_CODE_COUNT, payload: h('0000') };
    lock.respond = () => [accepted(), states, count, complete()];
    const replies = await session.command(NUKI_COMMAND.REQUEST_KEYPAD_CODES, h('00000100'), { kind: 'security_pin', securityPin: 1 }, {
      collects: [NUKI_COMMAND.KEYPAD_CODE_COUNT],
      endsAt: 'status',
    });
    expect(replies).toEqual([count]);
  });

  it('maps a reply that does not decrypt, and one whose CRC fails, to lock.protocol_error', async () => {
    const { lock, session } = await setUp();
    const otherKey = new Uint8Array(32).fill(9);
    lock.respond = () => void lock.sendRaw(encodeEncryptedFrame(states, { key: otherKey, authId: AUTH_ID, nonce: new Uint8Array(24) }));
    await expect(session.request(NUKI_COMMAND.KEYTURNER_STATES, { endsAt: NUKI_COMMAND.KEYTURNER_STATES })).rejects.toMatchObject({ code: 'lock.protocol_error' });

    const nonce = new Uint8Array(24).fill(3);
    const badPdata = concatBytes(new ByteWriter().u32(AUTH_ID).u16(NUKI_COMMAND.STATUS).u8(0).toBytes(), h('0000'));
    const sealed = sealBox(badPdata, nonce, key);
    const badCrc = concatBytes(new ByteWriter().bytes(nonce).u32(AUTH_ID).u16(sealed.length).toBytes(), sealed);
    lock.respond = () => void lock.sendRaw(badCrc);
    await expect(session.command(NUKI_COMMAND.ENABLE_LOGGING, h('01'), { kind: 'security_pin', securityPin: 1 }, { endsAt: 'status' })).rejects.toMatchObject({
      code: 'lock.protocol_error',
      details: { frameFailure: 'bad_crc' },
    });
  });

  it('refuses a message that belongs to no part of the answer', async () => {
    const { lock, session } = await setUp();
    lock.respond = () => [{ commandId: NUKI_COMMAND.LOG_ENTRY, payload: new Uint8Array(48) }];
    await expect(session.command(NUKI_COMMAND.UPDATE_TIME, new Uint8Array(7), { kind: 'security_pin', securityPin: 1 }, { endsAt: 'status' })).rejects.toMatchObject({
      code: 'lock.protocol_error',
    });
  });

  it('drops a stale reply left from an earlier command before sending the next', async () => {
    const { lock, session } = await setUp();
    await lock.send({ commandId: NUKI_COMMAND.KEYPAD_CODE_ID, payload: new Uint8Array(9) });
    await settle();
    lock.respond = () => [states];
    await expect(session.request(NUKI_COMMAND.KEYTURNER_STATES, { endsAt: NUKI_COMMAND.KEYTURNER_STATES })).resolves.toHaveLength(1);
    expect(bytesToHex(lock.frames[0]!.payload)).toBe(bytesToHex(encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES)));
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRequestData } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { decodeConfig, encodeSetConfig } from '../../nuki/protocol/config-codec';
import { decodeKeypadCode, encodeAddKeypadCode, encodeRequestKeypadCodes } from '../../nuki/protocol/keypad-codes-codec';
import { decodeKeyturnerStates } from '../../nuki/protocol/keyturner-codec';
import { createDataKey } from '../../secrets/data-key';
import { createFieldCipher } from '../../secrets/field-cipher';
import { loadNukiLockMemory } from './nuki-lock-memory';
import { connectTestClient, type NukiTestClient } from './nuki-test-client';
import { createTestClock, pairedClient, startLab, TEST_PIN, type TestLab } from './nuki-test-lab';

let dir: string;
let file: string;
const cipher = createFieldCipher(createDataKey(), 'demo nuki locks');
const pin = { pin: TEST_PIN };
let labs: TestLab[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lockbench-nuki-memory-'));
  file = path.join(dir, 'demo-nuki-locks.json');
});
afterEach(async () => {
  await Promise.all(labs.map((lab) => lab.radio.close()));
  labs = [];
  await rm(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startLab>[0] = {}): Promise<TestLab> {
  const lab = await startLab({ stateFile: file, cipher, ...options });
  labs.push(lab);
  return lab;
}

async function codesOn(client: NukiTestClient): Promise<string[]> {
  const replies = await client.command(NUKI_COMMAND.REQUEST_KEYPAD_CODES, encodeRequestKeypadCodes({ offset: 0, count: 20 }), pin);
  return replies.filter((m) => m.commandId === NUKI_COMMAND.KEYPAD_CODE).map((m) => decodeKeypadCode(m.payload).code);
}

describe('the virtual Nuki locks memory file', () => {
  it('keeps authorizations, codes, config and log across a restart, with no PIN or key in plain text', async () => {
    const clock = createTestClock();
    const first = await start({ clock });
    const { client, pairing } = await pairedClient(first);
    await client.command(NUKI_COMMAND.ADD_KEYPAD_CODE, encodeAddKeypadCode({ code: '458712', name: 'Cleaner', schedule: null }), pin, NUKI_COMMAND.KEYPAD_CODE_ID);
    const [configReply] = await client.command(NUKI_COMMAND.REQUEST_CONFIG, new Uint8Array(0), 'challenge', NUKI_COMMAND.CONFIG);
    await client.command(NUKI_COMMAND.SET_CONFIG, encodeSetConfig(decodeConfig(configReply!.payload), { timezoneOffsetMinutes: 120 }), pin);
    first.lock.simulateKeypadEntry('458712');
    await first.radio.close();

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('458712');
    expect(text).not.toMatch(new RegExp(`"securityPin":\\s*${TEST_PIN}`));
    expect(text).not.toContain(Buffer.from(pairing.key).toString('hex'));

    const second = await start({ clock });
    const again = await connectTestClient(second.radio, second.lock.address);
    again.authorize(pairing);
    expect(await codesOn(again)).toEqual(['458712']);
    const [states] = await again.command(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES), 'none', NUKI_COMMAND.KEYTURNER_STATES);
    expect(decodeKeyturnerStates(states!.payload)).toMatchObject({ timezoneOffsetMinutes: 120, configUpdateCount: 1 });
    expect(second.lock.lock.snapshot().log.map((e) => e.type)).toEqual([0x05]);
  });

  it('writes the file after each change, without waiting for close', async () => {
    const lab = await start();
    const { client } = await pairedClient(lab);
    await client.command(NUKI_COMMAND.ADD_KEYPAD_CODE, encodeAddKeypadCode({ code: '458712', name: 'Cleaner', schedule: null }), pin, NUKI_COMMAND.KEYPAD_CODE_ID);
    await lab.radio.flush();
    const stored = await loadNukiLockMemory(file, cipher);
    expect(Object.values(stored.locks)[0]).toMatchObject({ securityPin: TEST_PIN, keypadCodes: [expect.objectContaining({ code: '458712', codeId: 1 })] });
  });

  it('refuses (never wipes) a damaged file, or one sealed with another data key', async () => {
    await writeFile(file, '{"version":1,"locks":{"1A2B3C4D":{"nukiId":"oops"}}}');
    await expect(start()).rejects.toMatchObject({ code: 'store.corrupt' });
    await writeFile(file, 'not json');
    await expect(start()).rejects.toMatchObject({ code: 'store.corrupt' });
    expect(await readFile(file, 'utf8')).toBe('not json');

    await rm(file);
    const lab = await start();
    await lab.radio.close();
    const other = createFieldCipher(createDataKey(), 'demo nuki locks');
    await expect(start({ cipher: other })).rejects.toMatchObject({ code: 'secrets.unavailable' });
    await expect(loadNukiLockMemory(file, null)).rejects.toMatchObject({ code: 'store.corrupt' });
  });

  it('without a cipher the file is plain and still loads', async () => {
    const lab = await startLab({ stateFile: file });
    labs.push(lab);
    await lab.radio.close();
    expect(JSON.parse(await readFile(file, 'utf8')).locks['1A2B3C4D'].securityPin).toBe(TEST_PIN);
    const stored = await loadNukiLockMemory(file, null);
    expect(stored.locks['1A2B3C4D']).toMatchObject({ securityPin: TEST_PIN, nukiId: 0x1a2b3c4d });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { BleAdvertisement } from '../../ble/ble-radio';
import { readNukiAdvertisement } from '../../nuki/nuki-advertisement';
import { appendChallengeAndPin, encodeRequestData } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND, NUKI_GATT } from '../../nuki/protocol/command-ids';
import { decodeKeypadCode, encodeAddKeypadCode, encodeRequestKeypadCodes } from '../../nuki/protocol/keypad-codes-codec';
import { decodeKeyturnerStates } from '../../nuki/protocol/keyturner-codec';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import { createVirtualNukiRadio, DEMO_NUKI_LOCKS, DEMO_NUKI_SECURITY_PIN } from './demo-nuki-locks';
import { connectTestClient } from './nuki-test-client';
import { pairedClient, startLab, TEST_PIN, type TestLab } from './nuki-test-lab';
import type { VirtualNukiBleRadio } from './virtual-nuki-radio';

let lab: TestLab;
afterEach(async () => {
  await lab.radio.close();
});

async function hear(radio: VirtualNukiBleRadio, serviceUuids?: string[]): Promise<BleAdvertisement[]> {
  const heard: BleAdvertisement[] = [];
  await radio.scan({ durationMs: 30, serviceUuids }, (advertisement) => heard.push(advertisement));
  return heard;
}

const addBody = (code: string) => encodeAddKeypadCode({ code, name: 'Cleaner', schedule: null });

describe('the virtual Nuki radio', () => {
  it('advertises Nuki_<id>, service data for pairing in pairing mode, and the Keyturner iBeacon once paired', async () => {
    lab = await startLab({ spec: { rssi: -70 } });
    expect(await lab.radio.availability()).toEqual({ state: 'ready' });
    const fresh = await hear(lab.radio);
    expect(fresh.length).toBeGreaterThan(1);
    expect(fresh[0]).toMatchObject({ address: lab.lock.address, localName: 'Nuki_1A2B3C4D', manufacturerData: null });
    expect(fresh.every((a) => Math.abs(a.rssi + 70) <= 2)).toBe(true);
    expect(readNukiAdvertisement(fresh[0]!)).toMatchObject({ isNuki: true, nukiId: 0x1a2b3c4d, mode: 'unknown' });

    lab.lock.pressButton();
    expect(readNukiAdvertisement((await hear(lab.radio, [NUKI_GATT.PAIRING_SERVICE]))[0]!).mode).toBe('pairing');
    await pairedClient(lab);
    expect(await hear(lab.radio, [NUKI_GATT.PAIRING_SERVICE])).toEqual([]);
    const paired = readNukiAdvertisement((await hear(lab.radio))[0]!);
    expect(paired).toMatchObject({ mode: 'paired', stateChanged: false });
    lab.lock.simulateKeypadEntry('999999');
    expect(readNukiAdvertisement((await hear(lab.radio))[0]!).stateChanged).toBe(true);
  });

  it('out of range: not heard, connect rejects lock.offline, an open link drops', async () => {
    lab = await startLab();
    const { client } = await pairedClient(lab);
    lab.lock.setFault('out_of_range');
    expect(client.disconnectReason).toMatch(/out of range/);
    await expect(client.link.write(NUKI_GATT.KEYTURNER_SERVICE, NUKI_GATT.KEYTURNER_USDIO, new Uint8Array(40))).rejects.toMatchObject({
      code: 'lock.connection_lost',
    });
    expect(await hear(lab.radio)).toEqual([]);
    await expect(lab.radio.connect(lab.lock.address)).rejects.toMatchObject({ code: 'lock.offline' });
    lab.lock.setFault('none');
    expect((await hear(lab.radio)).length).toBeGreaterThan(0);
    await expect(lab.radio.connect(lab.lock.address)).resolves.toMatchObject({ address: lab.lock.address });
  });

  it('dropLinkAfterNextCommand: the lock stores the code, the client gets no reply; a retry is refused as a duplicate', async () => {
    lab = await startLab();
    const { client, pairing } = await pairedClient(lab);
    lab.lock.dropLinkAfterNextCommand();
    const before = lab.lock.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE);
    await client.sendEncrypted(NUKI_COMMAND.ADD_KEYPAD_CODE, appendChallengeAndPin(addBody('456789'), await client.challenge(), TEST_PIN, 2));
    await expect(client.nextEncrypted(100)).rejects.toThrow(/no message/);
    expect(client.disconnectReason).toBe('the lock closed the link');
    expect(lab.lock.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE)).toBe(before + 1);

    const again = await connectTestClient(lab.radio, lab.lock.address);
    again.authorize(pairing);
    const listed = await again.command(NUKI_COMMAND.REQUEST_KEYPAD_CODES, encodeRequestKeypadCodes({ offset: 0, count: 10 }), { pin: TEST_PIN });
    expect(listed.filter((m) => m.commandId === NUKI_COMMAND.KEYPAD_CODE).map((m) => decodeKeypadCode(m.payload).code)).toEqual(['456789']);
    const [retry] = await again.command(NUKI_COMMAND.ADD_KEYPAD_CODE, addBody('456789'), { pin: TEST_PIN }, NUKI_COMMAND.KEYPAD_CODE_ID);
    expect(retry).toMatchObject({ commandId: NUKI_COMMAND.ERROR_REPORT, payload: Uint8Array.of(NUKI_ERROR.CODE_ALREADY_EXISTS, 0x41, 0x00) });
  });

  it('sends one 20-byte indication per connection event, indicationDelayMs apart', async () => {
    const radio = await createVirtualNukiRadio({ stateFile: null, locks: DEMO_NUKI_LOCKS, indicationDelayMs: 15 });
    lab = { ...lab, radio };
    const demo = radio.locks.get('54:D2:72:3C:88:62')!;
    demo.pressButton();
    const client = await connectTestClient(radio, demo.address);
    const result = await client.pair();
    if (!result.ok) throw new Error('not paired');
    const started = Date.now();
    const [reply] = await client.command(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES), 'none', NUKI_COMMAND.KEYTURNER_STATES);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4 * 15 - 5); // 30 + 16 + 8 + 21 bytes = 4 indications
    expect(decodeKeyturnerStates(reply!.payload)).toMatchObject({ battery: { percent: 80 }, accessoryBattery: { isKeypadBatteryCritical: false } });
    expect(result.pairing.authId).toBe(2); // the owner's Nuki app is authorization 1
  });

  it('the demo lock holds two codes made elsewhere and takes its security PIN', async () => {
    const radio = await createVirtualNukiRadio({ stateFile: null, locks: DEMO_NUKI_LOCKS });
    lab = { ...lab, radio };
    const demo = radio.locks.get('54:D2:72:3C:88:62')!;
    expect(readNukiAdvertisement((await hear(radio))[0]!)).toMatchObject({ mode: 'paired', name: 'Nuki_3C8862ED' });
    demo.pressButton();
    const client = await connectTestClient(radio, demo.address);
    expect((await client.pair()).ok).toBe(true);
    const listed = await client.command(NUKI_COMMAND.REQUEST_KEYPAD_CODES, encodeRequestKeypadCodes({ offset: 0, count: 10 }), { pin: DEMO_NUKI_SECURITY_PIN });
    const codes = listed.filter((m) => m.commandId === NUKI_COMMAND.KEYPAD_CODE).map((m) => decodeKeypadCode(m.payload));
    expect(codes.map((c) => [c.codeId, c.name, c.schedule === null])).toEqual([
      [1, 'Family', true],
      [2, 'Gardener', false],
    ]);
  });
});

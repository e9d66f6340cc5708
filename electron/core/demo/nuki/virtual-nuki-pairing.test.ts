import { afterEach, describe, expect, it } from 'vitest';
import { encodeRequestData } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { decodeKeyturnerStates, NUKI_STATE } from '../../nuki/protocol/keyturner-codec';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import { connectTestClient } from './nuki-test-client';
import { pairedClient, startLab, type TestLab } from './nuki-test-lab';

let lab: TestLab;
afterEach(async () => {
  await lab.radio.close();
});

async function keyturnerStates(client: Awaited<ReturnType<typeof pairedClient>>['client']) {
  const [reply] = await client.command(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.KEYTURNER_STATES), 'none', NUKI_COMMAND.KEYTURNER_STATES);
  return decodeKeyturnerStates(reply!.payload);
}

describe('pairing with the virtual Nuki lock (nuki-ble.md §3)', () => {
  it('is refused with P_ERROR_NOT_PAIRING when the button was not held', async () => {
    lab = await startLab();
    const client = await connectTestClient(lab.radio, lab.lock.address);
    expect(await client.pair()).toEqual({ ok: false, refused: { errorCode: NUKI_ERROR.NOT_PAIRING, commandId: NUKI_COMMAND.REQUEST_DATA } });
    expect(lab.lock.lock.isPaired).toBe(false);
  });

  it('pairs end to end after the button, hands out an auth id and a working shared key, and leaves pairing mode', async () => {
    lab = await startLab();
    lab.lock.pressButton();
    expect(lab.lock.lock.isPairingMode).toBe(true);
    const { client, pairing } = await pairedClient(lab);
    expect(pairing.authId).toBe(1);
    expect(pairing.isLockAuthentic).toBe(true);
    expect(pairing.lockUuid).toHaveLength(16);
    expect(lab.lock.lock.isPairingMode).toBe(false);
    const states = await keyturnerStates(client);
    expect(states.nukiState).toBe(NUKI_STATE.DOOR_MODE);
    expect(states.battery.percent).toBe(64);
    expect(client.chunkSizes.every((size) => size <= 20)).toBe(true);
  });

  it('gives the next client the next auth id; both keys work', async () => {
    lab = await startLab();
    const first = await pairedClient(lab, 'First');
    await first.client.link.disconnect();
    const second = await pairedClient(lab, 'Second');
    expect(second.pairing.authId).toBe(first.pairing.authId + 1);
    expect(await keyturnerStates(second.client)).toMatchObject({ nukiState: NUKI_STATE.DOOR_MODE });
    second.client.authorize(first.pairing);
    expect(await keyturnerStates(second.client)).toMatchObject({ nukiState: NUKI_STATE.DOOR_MODE });
  });

  it('refuses a wrong authenticator with P_ERROR_BAD_AUTHENTICATOR, stores nothing, and stays in pairing mode', async () => {
    lab = await startLab();
    lab.lock.pressButton();
    const client = await connectTestClient(lab.radio, lab.lock.address);
    const result = await client.pair({ wrongAuthenticator: true });
    expect(result).toEqual({ ok: false, refused: { errorCode: NUKI_ERROR.BAD_AUTHENTICATOR, commandId: NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR } });
    expect(lab.lock.lock.isPaired).toBe(false);
    expect(lab.lock.lock.isPairingMode).toBe(true);
    expect((await client.pair()).ok).toBe(true);
  });

  it('leaves pairing mode after 5 minutes without a pairing', async () => {
    lab = await startLab();
    lab.lock.pressButton();
    lab.clock.advance(5 * 60_000 + 1);
    const client = await connectTestClient(lab.radio, lab.lock.address);
    expect(await client.pair()).toMatchObject({ ok: false, refused: { errorCode: NUKI_ERROR.NOT_PAIRING } });
  });

  it('refuses one authorization more than fit with P_ERROR_MAX_USER', async () => {
    lab = await startLab({ spec: { maxAuthorizations: 1 } });
    await pairedClient(lab);
    lab.lock.pressButton();
    const client = await connectTestClient(lab.radio, lab.lock.address);
    expect(await client.pair()).toMatchObject({ ok: false, refused: { errorCode: NUKI_ERROR.MAX_USER, commandId: NUKI_COMMAND.AUTHORIZATION_DATA } });
  });

  it('answers a message out of turn with P_ERROR_BAD_PARAMETER and a plain frame with a bad CRC with ERROR_BAD_CRC', async () => {
    lab = await startLab();
    lab.lock.pressButton();
    const client = await connectTestClient(lab.radio, lab.lock.address);
    await client.sendPlain(NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR, new Uint8Array(32));
    expect(await client.nextPlain()).toMatchObject({ commandId: NUKI_COMMAND.ERROR_REPORT, payload: Uint8Array.of(NUKI_ERROR.PAIRING_BAD_PARAMETER, 0x05, 0x00) });
    await client.writeRaw('pairing', Uint8Array.of(0x01, 0x00, 0x03, 0x00, 0x00, 0x00));
    expect(await client.nextPlain()).toMatchObject({ commandId: NUKI_COMMAND.ERROR_REPORT, payload: Uint8Array.of(NUKI_ERROR.BAD_CRC, 0x01, 0x00) });
    const paired = await client.pair();
    expect(paired.ok).toBe(true);
  });

  it('sends its Public Key as two indications of 20 and 16 bytes', async () => {
    lab = await startLab();
    lab.lock.pressButton();
    const client = await connectTestClient(lab.radio, lab.lock.address);
    await client.sendPlain(NUKI_COMMAND.REQUEST_DATA, encodeRequestData(NUKI_COMMAND.PUBLIC_KEY));
    expect((await client.nextPlain()).commandId).toBe(NUKI_COMMAND.PUBLIC_KEY);
    expect(client.chunkSizes).toEqual([20, 16]);
  });
});

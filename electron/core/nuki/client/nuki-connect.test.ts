import { describe, expect, it } from 'vitest';
import type { BleRadio } from '../../ble/ble-radio';
import { bytesToHex, hexToBytes as h } from '../protocol/bytes';
import { NUKI_COMMAND, NUKI_GATT } from '../protocol/command-ids';
import { createKeyPair } from '../protocol/nuki-crypto';
import { PDF_EXAMPLE as PDF } from '../protocol/pdf-example';
import { AUTH_ID, SECURITY_PIN, SHARED_KEY } from './client-fixtures';
import { FakeBleLink } from './fake-ble-link';
import { connectNuki, pairNuki } from './nuki-connect';
import { complete, ScriptedNukiLock } from './scripted-nuki-lock';

/** A radio that hands out one prepared link and records what it was asked. */
function radioFor(link: FakeBleLink) {
  const calls: Array<{ address: string; options?: { timeoutMs?: number } }> = [];
  const radio = {
    connect: async (address: string, options?: { timeoutMs?: number }) => {
      calls.push({ address, options });
      return link;
    },
  } as unknown as BleRadio;
  return { radio, calls };
}

describe('nuki connect', () => {
  it('connects, subscribes USDIO, and gives a client that speaks with the stored credentials', async () => {
    const lock = new ScriptedNukiLock(AUTH_ID, SHARED_KEY);
    const { radio, calls } = radioFor(lock.link);
    const connection = await connectNuki(radio, lock.link.address, { credentials: { authId: AUTH_ID, sharedKey: SHARED_KEY }, securityPin: SECURITY_PIN, connectTimeoutMs: 8000 });
    expect(calls).toEqual([{ address: lock.link.address, options: { timeoutMs: 8000 } }]);
    expect(lock.link.subscriptions).toEqual([NUKI_GATT.KEYTURNER_USDIO]);
    lock.respond = () => [complete()];
    await connection.client.verifySecurityPin();
    expect(lock.commands[0]).toMatchObject({ commandId: NUKI_COMMAND.VERIFY_SECURITY_PIN, securityPin: SECURITY_PIN });

    const reasons: string[] = [];
    connection.onDisconnect((reason) => reasons.push(reason));
    await connection.disconnect();
    expect(lock.link.isDisconnected).toBe(true);
    expect(reasons).toEqual(['disconnect']);
    await expect(connection.client.readStates()).rejects.toMatchObject({ code: 'lock.connection_lost' });
  });

  it('drops the link again when subscribing fails', async () => {
    const link = new FakeBleLink();
    link.failSubscribe = new Error('CCCD write failed');
    const { radio } = radioFor(link);
    await expect(connectNuki(radio, link.address, { credentials: { authId: 1, sharedKey: SHARED_KEY }, securityPin: 1 })).rejects.toThrow('CCCD write failed');
    expect(link.isDisconnected).toBe(true);
  });

  it('drops the link when the security PIN does not fit the lock', async () => {
    const link = new FakeBleLink();
    const { radio } = radioFor(link);
    await expect(connectNuki(radio, link.address, { credentials: { authId: 1, sharedKey: SHARED_KEY }, securityPin: 70000 })).rejects.toMatchObject({
      code: 'lock.bad_security_pin',
    });
    expect(link.isDisconnected).toBe(true);
  });

  it('pairs on the pairing GDIO and disconnects afterwards', async () => {
    const link = new FakeBleLink();
    const replies = [PDF.lockPublicKeyChunks.join(''), PDF.challenge1Message, PDF.challenge2Message, PDF.authorizationIdChunks.join(''), PDF.statusCompleteMessage];
    link.onWrite = () => void link.indicate(NUKI_GATT.PAIRING_GDIO, h(replies[link.writes.length - 1]!));
    const { radio } = radioFor(link);
    const pairing = await pairNuki(radio, link.address, { keyPair: createKeyPair(h(PDF.clientSecretKey)), appId: 0, name: 'Marc (Test)', clientNonce: h(PDF.clientNonce) });
    expect(link.subscriptions).toEqual([NUKI_GATT.PAIRING_GDIO]);
    expect([pairing.authId, bytesToHex(pairing.sharedKey)]).toEqual([PDF.authId, PDF.sharedKey]);
    expect(link.isDisconnected).toBe(true);
  });
});

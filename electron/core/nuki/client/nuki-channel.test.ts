import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../ports/clock';
import { bytesToHex, concatBytes, hexToBytes as h } from '../protocol/bytes';
import { NUKI_GATT } from '../protocol/command-ids';
import { PDF_EXAMPLE as PDF } from '../protocol/pdf-example';
import { FakeBleLink, settle } from './fake-ble-link';
import { openNukiChannel } from './nuki-channel';

const USDIO = NUKI_GATT.KEYTURNER_USDIO;

async function open(framing: 'plain' | 'encrypted' = 'encrypted') {
  const link = new FakeBleLink();
  const clock = new ManualClock('2025-01-01T00:00:00Z');
  const characteristic = framing === 'plain' ? NUKI_GATT.PAIRING_GDIO : USDIO;
  const channel = await openNukiChannel({ link, service: NUKI_GATT.KEYTURNER_SERVICE, characteristic, framing, clock });
  return { link, clock, channel, characteristic };
}

describe('nuki channel', () => {
  it('subscribes and reassembles an encrypted reply from 20-byte indications', async () => {
    const { link, channel } = await open();
    expect(link.subscriptions).toEqual([USDIO]);
    void link.indicate(USDIO, concatBytes(...PDF.keyturnerStatesChunks.map(h)));
    expect(bytesToHex(await channel.next(1000))).toBe(PDF.keyturnerStatesChunks.join(''));
  });

  it('splits two whole frames that arrive in one large indication (bigger MTU) and queues the second', async () => {
    const { link, channel } = await open();
    const two = concatBytes(h(PDF.requestKeyturnerEncrypted), h(PDF.requestChallengeEncrypted));
    await link.indicate(USDIO, two, 512);
    expect(bytesToHex(await channel.next(1000))).toBe(bytesToHex(h(PDF.requestKeyturnerEncrypted)));
    expect(bytesToHex(await channel.next(1000))).toBe(bytesToHex(h(PDF.requestChallengeEncrypted)));
  });

  it('reassembles plain pairing frames by their known size', async () => {
    const { link, channel, characteristic } = await open('plain');
    for (const chunk of PDF.authorizationIdChunks) await link.indicate(characteristic, h(chunk));
    expect(bytesToHex(await channel.next(1000))).toBe(PDF.authorizationIdChunks.join(''));
  });

  it('rejects lock.no_answer when nothing arrives before the deadline', async () => {
    const { clock, channel } = await open();
    const reply = channel.next(5000);
    clock.advance(4999);
    await settle();
    clock.advance(1);
    await expect(reply).rejects.toMatchObject({ code: 'lock.no_answer' });
  });

  it('fails an awaited reply with lock.protocol_error when the bytes form no frame', async () => {
    const { link, channel } = await open();
    const reply = channel.next(5000);
    await link.indicate(USDIO, new Uint8Array(40).fill(0xa5));
    await expect(reply).rejects.toMatchObject({ code: 'lock.protocol_error' });
  });

  it('rejects lock.connection_lost when the link drops while a reply is awaited, and for every later use', async () => {
    const { link, channel } = await open();
    const reply = channel.next(5000);
    link.drop('out of range');
    await expect(reply).rejects.toMatchObject({ code: 'lock.connection_lost' });
    await expect(channel.next(5000)).rejects.toMatchObject({ code: 'lock.connection_lost' });
    await expect(channel.write(new Uint8Array(4))).rejects.toMatchObject({ code: 'lock.connection_lost' });
  });

  it('runs exclusive work strictly one after another, also after a failure', async () => {
    const { channel } = await open();
    const log: string[] = [];
    const job = (name: string, fail = false) => async () => {
      log.push(`${name} start`);
      await settle();
      log.push(`${name} end`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([channel.exclusive(job('a', true)), channel.exclusive(job('b')), channel.exclusive(job('c'))]);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });

  it('clear drops stale frames; close rejects a waiting reader and stops listening', async () => {
    const { link, channel } = await open();
    await link.indicate(USDIO, h(PDF.requestKeyturnerEncrypted));
    channel.clear();
    const reply = channel.next(5000);
    await channel.close();
    await expect(reply).rejects.toMatchObject({ code: 'lock.connection_lost' });
  });

  it('drops the disconnect listener when subscribing fails', async () => {
    const link = new FakeBleLink();
    link.failSubscribe = new Error('GATT error');
    await expect(openNukiChannel({ link, service: NUKI_GATT.KEYTURNER_SERVICE, characteristic: USDIO, framing: 'encrypted' })).rejects.toThrow('GATT error');
  });
});

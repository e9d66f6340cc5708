import { afterEach, describe, expect, it } from 'vitest';
import { CodedError } from '../../../shared/result';
import { ManualClock } from '../ports/clock';
import type { NukiClient } from './client/nuki-client';
import { createNukiLockLink, type NukiLockLink, type NukiLockLinkOptions } from './nuki-lock-link';
import { startNukiSite, TEST_NOW, TEST_SPEC, type NukiSite } from './nuki-test-support';

/** One lock's link over the virtual Nuki radio, with the idle timer on a manual clock. */

let site: NukiSite;
let link: NukiLockLink;

afterEach(async () => {
  await link?.close();
  await site?.close();
});

async function startLink(over: Partial<NukiLockLinkOptions> = {}) {
  site = await startNukiSite();
  await site.connection.readiness!.allSettled();
  await site.connection.close(); // this test drives its own link
  const clock = new ManualClock(TEST_NOW);
  const availability: boolean[] = [];
  const idleReads: number[] = [];
  link = createNukiLockLink({
    radio: site.radio,
    lock: { address: TEST_SPEC.address, credentials: site.credentials, securityPin: TEST_SPEC.securityPin },
    clock,
    idleDisconnectMs: 20_000,
    replyTimeoutMs: 2_000,
    onAvailability: (isOnline) => availability.push(isOnline),
    beforeIdleDisconnect: async (client) => void idleReads.push(client.commandsSent()),
    ...over,
  });
  return { clock, availability, idleReads, handle: site.handle };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createNukiLockLink', () => {
  it('connects on the first session and drops the link after the idle time, running beforeIdleDisconnect first', async () => {
    const { clock, availability, idleReads, handle } = await startLink();
    expect(handle.isConnected).toBe(false);
    await link.session((c) => c.readStates());
    expect(handle.isConnected).toBe(true);
    clock.advance(19_000);
    await link.session((c) => c.readStates()); // re-arms the timer
    clock.advance(19_000);
    await settle();
    expect(handle.isConnected).toBe(true);
    clock.advance(1_000);
    await settle();
    expect(idleReads).toEqual([2]);
    expect(handle.isConnected).toBe(false);
    expect(availability).toEqual([true]);
    await link.session((c) => c.readStates());
    expect(link.commandsSent()).toBe(3);
  });

  it('runs one session at a time', async () => {
    await startLink();
    const order: string[] = [];
    const work = (name: string) => async (client: NukiClient) => {
      order.push(`${name} start`);
      await client.readStates();
      order.push(`${name} end`);
    };
    await Promise.all([link.session(work('a')), link.session(work('b'))]);
    expect(order).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('drops the link after an unanswered command so the next session starts clean', async () => {
    const { handle } = await startLink();
    await expect(link.session(async () => Promise.reject(new CodedError('lock.no_answer', 'silent')))).rejects.toMatchObject({ code: 'lock.no_answer' });
    expect(handle.isConnected).toBe(false);
    await link.session((c) => c.readStates());
    expect(handle.isConnected).toBe(true);
  });

  it('sends no PIN command again once the lock refused the PIN', async () => {
    const { handle } = await startLink();
    handle.setFault('wrong_security_pin');
    await expect(link.session((c) => c.listKeypadCodes())).rejects.toMatchObject({ code: 'lock.bad_security_pin' });
    const sent = link.commandsSent();
    await expect(link.session((c) => c.listKeypadCodes())).rejects.toMatchObject({ code: 'lock.bad_security_pin' });
    await expect(link.session((c) => c.updateTime(TEST_NOW))).rejects.toMatchObject({ code: 'lock.bad_security_pin' });
    expect(link.commandsSent()).toBe(sent);
    await link.session((c) => c.readStates());
    expect(link.commandsSent()).toBe(sent + 1);
  });

  it('reports the lock offline when it cannot connect, and refuses sessions once closed', async () => {
    const { availability, handle } = await startLink({ connectTimeoutMs: 100 });
    handle.setFault('out_of_range');
    await expect(link.session((c) => c.readStates())).rejects.toMatchObject({ code: 'lock.offline' });
    expect(availability).toEqual([false]);
    handle.setFault('none');
    await link.close();
    await expect(link.session((c) => c.readStates())).rejects.toMatchObject({ code: 'lock.offline' });
  });
});

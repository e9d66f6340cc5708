import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { LockProfile } from '../../../shared/domain/lock';
import { sampleLockProfile } from '../../../shared/testing/samples';
import { FakeLockNetwork } from '../locks/fake-lock-network';
import { createLockManager } from '../locks/lock-manager';
import { openStore } from '../store/open-store';
import type { LockbenchStore } from '../store/store';
import { createCodeService, type CodeService } from './code-service';
import { createDoorQueue } from './door-queue';

const profile: LockProfile = sampleLockProfile({ slotCount: 3, supportedCodeLengths: [4, 5, 6], supportsChecksum: false });

let dir: string;
let store: LockbenchStore;
let network: FakeLockNetwork;
let service: CodeService;
let changes: AccessCode[];
let queue: ReturnType<typeof createDoorQueue>;

async function setup(): Promise<void> {
  store = await openStore({ file: join(dir, 'lockbench.json') });
  const locks = createLockManager(async () => ({ network, close: async () => {} }));
  const site = { id: 'demo', name: 'Demo', timeZone: 'Europe/Berlin', connection: { kind: 'demo' as const }, createdAt: '2026-01-01T00:00:00Z' };
  if (!store.read().sites.length) {
    await store.update((d) => {
      d.sites.push(site);
      d.doors.push({ id: 'front', siteId: 'demo', name: 'Front door', nodeId: 2, createdAt: site.createdAt });
    });
  }
  await locks.connect(site);
  queue = createDoorQueue();
  changes = [];
  let n = 0;
  service = createCodeService({
    store, locks, queue, now: () => new Date(), newId: () => `code-${++n}-${Math.random().toString(36).slice(2, 6)}`,
    policy: { attempts: 3, backoffMs: () => 0, sleep: async () => {} },
    onChange: (c) => changes.push(c), delayWarningMs: 60_000,
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lockbench-codes-'));
  network = new FakeLockNetwork(new Map([[2, profile]]));
  await setup();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const settled = async () => queue.idle();
const current = (id: string) => service.list('front').find((c) => c.access_code_id === id)!;

describe('code service', () => {
  it('stores a new code as setting, then set once the lock reads it back', async () => {
    const created = await service.create('front', { name: 'Resident', code: '4821' });
    expect(created).toMatchObject({ status: 'setting', slot: 1, code: '4821', name: 'Resident' });
    await settled();
    const done = current(created.access_code_id);
    expect(done.status).toBe('set');
    expect(done.events.map((e) => e.event_type)).toEqual(['access_code.created', 'access_code.set_on_device']);
    expect(network.memory.get(2)!.get(1)).toBe('4821');
    expect(changes.map((c) => c.status)).toEqual(['setting', 'set']);
    expect(network.commands).toBe(2);
  });

  it('refuses a PIN the lock cannot take before sending anything, naming the rule', async () => {
    await expect(service.create('front', { code: '123' })).rejects.toMatchObject({ code: 'codes.constraint_violated', details: { rule: 'supported_code_lengths' } });
    await expect(service.create('front', { code: '12a4' })).rejects.toMatchObject({ details: { rule: 'allowed_characters' } });
    network.memory.get(2)!.set(3, '777123');
    await expect(service.create('front', { code: '777123' })).rejects.toMatchObject({ code: 'codes.duplicate_pin', details: { rule: 'duplicate_code_on_device' } });
    expect(network.commands).toBe(0);
    expect(store.read().accessCodes).toHaveLength(0);
  });

  it('never takes a slot held by a code it does not own, and says when the lock is full', async () => {
    network.memory.get(2)!.set(1, '999111');
    const a = await service.create('front', { code: '1357' });
    const b = await service.create('front', { code: '2468' });
    expect([a.slot, b.slot]).toEqual([2, 3]);
    await expect(service.create('front', { code: '3579' })).rejects.toMatchObject({ code: 'codes.no_free_slot' });
    await settled();
    expect(network.memory.get(2)!.get(1)).toBe('999111');
  });

  it('treats a lost acknowledgement as set when the read-back shows the code, without sending it twice', async () => {
    network.faults.push('ack_lost');
    const created = await service.create('front', { code: '5566' });
    await settled();
    expect(current(created.access_code_id).status).toBe('set');
    expect(network.commands).toBe(2);
  });

  it('retries a lock that does not answer, then reports failed_to_set_on_device with the reason', async () => {
    network.faults.push('no_answer', 'no_answer', 'no_answer');
    const created = await service.create('front', { code: '8080' });
    await settled();
    const failed = current(created.access_code_id);
    expect(failed.status).toBe('unset');
    expect(failed.errors[0]).toMatchObject({ error_code: 'failed_to_set_on_device' });
    expect(failed.errors[0]!.message).toContain('did not answer');
    expect(failed.events.at(-1)!.event_type).toBe('access_code.failed_to_set_on_device');
  });

  it('recovers when a later attempt gets through', async () => {
    network.faults.push('no_answer');
    const created = await service.create('front', { code: '9090' });
    await settled();
    expect(current(created.access_code_id)).toMatchObject({ status: 'set', errors: [] });
  });

  it('removes a code: removing, then gone from the lock and kept as history', async () => {
    const created = await service.create('front', { code: '2020' });
    await settled();
    const removing = await service.remove(created.access_code_id);
    expect(removing.status).toBe('removing');
    await settled();
    expect(current(created.access_code_id)).toMatchObject({ is_removed: true, status: 'unset' });
    expect(network.memory.get(2)!.has(1)).toBe(false);
    expect(current(created.access_code_id).events.at(-1)!.event_type).toBe('access_code.removed_from_device');
    const again = await service.create('front', { code: '2020' });
    expect(again.slot).toBe(1);
  });

  it('generates a PIN that fits the lock and is not already on it', async () => {
    network.memory.get(2)!.set(1, '111111');
    const pin = await service.generate('front');
    expect(pin).toMatch(/^\d{6}$/);
    expect(pin).not.toBe('111111');
  });

  it('picks up a code left in setting by a restart and verifies it on reconnect', async () => {
    await store.update((d) => {
      d.accessCodes.push({
        access_code_id: 'left', door_id: 'front', name: null, code: '6543', type: 'ongoing', starts_at: null, ends_at: null,
        slot: 2, status: 'setting', is_removed: false, errors: [], warnings: [], events: [], created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
      });
    });
    await store.close();
    await setup();
    service.resume('demo');
    await settled();
    expect(current('left').status).toBe('set');
    expect(network.memory.get(2)!.get(2)).toBe('6543');
  });

  it('refuses unknown doors and codes with stable error codes', async () => {
    await expect(service.create('nope', { code: '1234' })).rejects.toMatchObject({ code: 'door.not_found' });
    await expect(service.remove('nope')).rejects.toMatchObject({ code: 'codes.not_found' });
  });
});

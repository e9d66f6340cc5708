import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { DoorView } from '../../../shared/domain/door';
import type { VirtualStick } from '../demo/virtual-stick';
import { createTempDir, waitUntil } from '../zwave/test-support';
import type { AppServices } from './app-services';
import { createAppServices } from './create-app-services';

/** Each virtual stick the app opened (to plant codes the way a keypad would, without the controller hearing). */
const sticks = vi.hoisted(() => [] as VirtualStick[]);
vi.mock('../demo/create-virtual-stick', async (importOriginal) => {
  const original = await importOriginal<typeof import('../demo/create-virtual-stick')>();
  return {
    ...original,
    createVirtualStick: async (...args: Parameters<typeof original.createVirtualStick>) => {
      const stick = await original.createVirtualStick(...args);
      sticks.push(stick);
      return stick;
    },
  };
});

/**
 * Issue 6, items 1 and 4, on the whole main-process stack: real store on disk, real zwave-js on the virtual stick.
 */
let dir: Awaited<ReturnType<typeof createTempDir>>;
let services: AppServices;
const doorNamed = async (name: string): Promise<DoorView> => (await services.handlers['doors.list']({ siteId: 'demo' })).find((d) => d.name === name)!;
const until = waitUntil;

beforeAll(async () => {
  dir = await createTempDir('truth');
  services = await createAppServices({ dataDir: dir.path, host: 'browser', version: 'test', revivalBackoffMs: () => 1_000 });
  await services.ready;
}, 120_000);
afterAll(async () => {
  await services?.close();
  await dir?.remove();
});

describe('codes typed at the keypad after the interview', () => {
  it('survive any number of creates: each Set goes only to a slot proven free, the rest are listed as from elsewhere', async () => {
    const front = await doorNamed('Front door');
    const lock = sticks.at(-1)!.locks.get(Number(front.lockAddress.address))!;
    const slots = lock.spec.slotCount;
    const before = [...lock.storedCodes()];
    const planted = new Map([[1, '918273'], [2, '827364'], [3, '736455']]);
    for (const [slot, pin] of planted) lock.plantCode(slot, pin); // not reported to the controller
    const free = slots - before.length - planted.size;
    const created: AccessCode[] = [];
    for (let i = 0; i < free; i++) created.push(await services.handlers['codes.create']({ doorId: front.id, code: String(400000 + i * 1237) }));
    await until('every created code to be set', async () => (await services.handlers['codes.list']({ doorId: front.id })).every((c) => c.status === 'set'), 90_000);
    for (const [slot, pin] of planted) expect(lock.storedCodes().get(slot)).toBe(pin);
    const codes = await services.handlers['codes.list']({ doorId: front.id });
    for (const c of codes) expect(lock.storedCodes().get(c.slot!)).toBe(c.code);
    expect(new Set(codes.map((c) => c.slot)).size).toBe(codes.length);
    const unmanaged = await services.handlers['codes.unmanaged']({ doorId: front.id });
    expect(unmanaged.map((u) => u.slot).sort((a, b) => a - b)).toEqual([...planted.keys(), ...before.map(([s]) => s)].sort((a, b) => a - b));
    await expect(services.handlers['codes.create']({ doorId: front.id, code: '135792' })).rejects.toMatchObject({ code: 'codes.no_free_slot' });
  }, 120_000);
});

describe('a lock that stopped answering', () => {
  it('comes back by itself: pinged on a backoff, and its waiting code goes on without a retry or a restart', async () => {
    const back = await doorNamed('Back door');
    await services.handlers['demo.simulate']({ doorId: back.id, fault: 'no_answer' });
    expect((await doorNamed('Back door')).demoFault).toBe('no_answer'); // kept in main: a reload shows it
    const code = await services.handlers['codes.create']({ doorId: back.id, code: '5173' });
    await until('the lock to be reported not answering', async () => (await doorNamed('Back door')).lock?.isOnline === false, 30_000);
    await services.handlers['demo.simulate']({ doorId: back.id, fault: 'none' });
    await until('the code to be set without any action', async () => (await services.handlers['codes.list']({ doorId: back.id })).some((c) => c.access_code_id === code.access_code_id && c.status === 'set'), 45_000);
    expect((await doorNamed('Back door')).lock?.isOnline).toBe(true);
  }, 120_000);

  it('"Check this lock" asks the lock at once instead of reporting the old state', async () => {
    const back = await doorNamed('Back door');
    await services.handlers['demo.simulate']({ doorId: back.id, fault: 'no_answer' });
    await services.handlers['codes.create']({ doorId: back.id, code: '5174' });
    await until('the lock to be reported not answering', async () => (await doorNamed('Back door')).lock?.isOnline === false, 30_000);
    const silent = await services.handlers['doors.check']({ doorId: back.id });
    expect(silent.items.find((i) => i.key === 'online')?.verdict).toBe('fail');
    await services.handlers['demo.simulate']({ doorId: back.id, fault: 'none' });
    const report = await services.handlers['doors.check']({ doorId: back.id });
    expect(report.items.find((i) => i.key === 'online')?.verdict).toBe('pass');
  }, 120_000);
});

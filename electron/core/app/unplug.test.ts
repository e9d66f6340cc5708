/**
 * Close the virtual stick mid-batch (the USB stick pulled): nothing is lost or duplicated and the queue resumes on
 * reconnect. The whole main-process stack (createAppServices: real store on disk, real zwave-js on the virtual stick).
 *
 *   10 codes queued on the Front door ─▶ the batch is on the radio ─▶ stick.close()
 *     ─▶ zwave-js notices ─▶ site `failed` (sites.changed) ─▶ queue waits, codes stay `setting`
 *     ─▶ sites.connect demo (new stick, same demo-locks.json) ─▶ queue resumes ─▶ all `set`, lock memory == codes
 *
 * createAppServices does not expose its controller opener, so the virtual stick factory is wrapped (vi.mock) only to
 * keep a handle on each stick it makes; the app's own wiring is untouched.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { Operation } from '../../../shared/domain/operation';
import type { SiteView } from '../../../shared/domain/site';
import { ZWaveError, ZWaveErrorCodes } from '@zwave-js/core';
import type { ZWaveSerialBinding } from '@zwave-js/serial';
import type { VirtualStick } from '../demo/virtual-stick';
import { createTempDir, waitUntil } from '../zwave/test-support';
import type { AppServices } from './app-services';
import { createAppServices } from './create-app-services';

/** Each virtual stick the app opened, with `pull()`: the USB cable gone (see pullableStick). */
const sticks = vi.hoisted(() => [] as Array<VirtualStick & { pull(): void }>);
vi.mock('../demo/create-virtual-stick', async (importOriginal) => {
  const original = await importOriginal<typeof import('../demo/create-virtual-stick')>();
  return {
    ...original,
    createVirtualStick: async (...args: Parameters<typeof original.createVirtualStick>) => {
      const stick = pullableStick(await original.createVirtualStick(...args));
      sticks.push(stick);
      return stick;
    },
  };
});

/**
 * Closing the virtual stick (MockPort.destroy) only ENDS the driver's read stream; zwave-js then sees no error at all
 * (its read loop just finishes) and the site stays `ready`. A real serial port that disappears ERRORS the stream with
 * ZW0100-class `Driver_SerialPortClosed`, and reopening the path fails. `pull()` does exactly that to the binding the
 * driver opened: its source errors, its sink refuses writes, and every reopen is refused.
 */
function pullableStick(stick: VirtualStick): VirtualStick & { pull(): void } {
  const factory = (stick.port as { factory: () => Promise<ZWaveSerialBinding> }).factory;
  let isPulled = false;
  let source: ReadableStreamDefaultController<unknown> | undefined;
  const gone = () => new ZWaveError('The serial port closed unexpectedly (stick pulled)', ZWaveErrorCodes.Driver_SerialPortClosed);
  const wrapped = async (): Promise<ZWaveSerialBinding> => {
    if (isPulled) throw new ZWaveError('No such device (stick pulled)', ZWaveErrorCodes.Driver_Failed);
    const binding = await factory();
    const inner = binding.source as UnderlyingDefaultSource<unknown>;
    const sink = binding.sink as UnderlyingSink<unknown>;
    return {
      source: { ...inner, start: (controller: ReadableStreamDefaultController<unknown>) => ((source = controller), inner.start?.(controller)) },
      sink: {
        ...sink,
        write: (chunk: unknown, controller: WritableStreamDefaultController) => {
          if (isPulled) throw gone();
          return sink.write?.(chunk, controller);
        },
      },
    } as ZWaveSerialBinding;
  };
  return Object.assign(Object.create(stick) as VirtualStick, {
    port: { kind: 'binding' as const, factory: wrapped },
    securityKeys: stick.securityKeys,
    locks: stick.locks,
    save: () => stick.save(),
    close: () => stick.close(),
    pull() {
      isPulled = true;
      source?.error(gone());
    },
  });
}

const FRONT_NODE = 2;
const PINS = ['381947', '502816', '649271', '730582', '815360', '926048', '140375', '257903', '368149', '479260'];

let dir: Awaited<ReturnType<typeof createTempDir>>;
let services: AppServices;
const siteStates: string[] = [];
const codeEvents: AccessCode[] = [];

const until = waitUntil;

beforeAll(async () => {
  dir = await createTempDir('unplug');
  services = await createAppServices({ dataDir: dir.path, host: 'browser', version: 'test' });
  services.events.subscribe((channel, payload) => {
    if (channel === 'sites.changed') siteStates.push(`${(payload as SiteView).state}${(payload as SiteView).stateMessage ? `: ${(payload as SiteView).stateMessage}` : ''}`);
    if (channel === 'codes.changed') codeEvents.push(payload as AccessCode);
  });
  await services.ready;
}, 120_000);
afterAll(async () => {
  await services?.close();
  await dir?.remove();
});

describe('pulling the stick mid-batch', () => {
  it('loses nothing, duplicates nothing, waits while the stick is away and resumes on reconnect', async () => {
    const front = (await services.handlers['doors.list']({ siteId: 'demo' })).find((d) => d.name === 'Front door')!;
    const first = sticks.at(-1)!;
    const lock = () => sticks.at(-1)!.locks.get(FRONT_NODE)!;
    const fromElsewhere = new Map(lock().storedCodes()); // the demo lock's factory code: not Lockbench's

    const created = await Promise.all(PINS.map((code, i) => services.handlers['codes.create']({ doorId: front.id, name: `Flat ${i + 1}`, code })));
    expect(created.every((c) => c.status === 'setting')).toBe(true);

    // Pull it while the batch is on the radio: some codes are on the lock, the batch is not finished.
    await until('the first codes to reach the lock', () => lock().storedCodes().size >= fromElsewhere.size + 2, 20_000);
    const landedBeforePull = lock().storedCodes().size - fromElsewhere.size;
    siteStates.length = 0;
    const pulledAt = Date.now();
    if (process.env.UNPLUG_BY_CLOSE === '1') await first.close(); // shows that zwave-js does not notice (see pullableStick)
    else {
      first.pull();
      await first.close(); // the mock controller stops too (else it waits for ACKs from a host that is gone)
    }
    console.log(`[unplug] stick pulled with ${landedBeforePull}/${PINS.length} codes on the lock`);

    // zwave-js must notice the controller is gone: the site goes `failed` and the queue waits.
    await until('the site to be reported failed', () => siteStates.some((s) => s.startsWith('failed')), 15_000).catch((e: unknown) => {
      throw new Error(`${(e as Error).message}; site states seen: ${JSON.stringify(siteStates)}`);
    });
    console.log(`[unplug] site failed after ${Date.now() - pulledAt} ms: ${siteStates.find((s) => s.startsWith('failed'))}`);
    const whileAway = await services.handlers['codes.list']({ doorId: front.id });
    expect(whileAway.filter((c) => c.status !== 'set' && c.status !== 'setting').map((c) => `${c.name}: ${c.status} ${JSON.stringify(c.errors)}`)).toEqual([]);
    expect(whileAway.every((c) => !c.is_removed)).toBe(true);

    // Plug it back in: a new virtual stick from the same demo-locks.json; the queue resumes on its own.
    const reconnected = await services.handlers['sites.connect']({ connection: { kind: 'demo' } });
    expect(reconnected.state).toBe('ready');
    expect(sticks.length).toBe(2);
    await until('every code to be set', async () => (await services.handlers['codes.list']({ doorId: front.id })).every((c) => c.status === 'set'), 60_000).catch(async (e: unknown) => {
      const codes = await services.handlers['codes.list']({ doorId: front.id });
      throw new Error(`${(e as Error).message}: ${JSON.stringify(codes.map((c) => [c.name, c.status, c.errors.map((x) => x.message)]))}`);
    });

    const codes = await services.handlers['codes.list']({ doorId: front.id });
    expect(codes.map((c) => c.status)).toEqual(PINS.map(() => 'set'));
    // The lock holds exactly these PINs, each once, each in its code's slot — and the code from elsewhere, untouched.
    for (const [slot, pin] of fromElsewhere) expect(lock().storedCodes().get(slot)).toBe(pin);
    const onLock = [...lock().storedCodes().entries()].filter(([slot]) => !fromElsewhere.has(slot)).sort((a, b) => a[0] - b[0]);
    expect(onLock).toEqual(codes.map((c) => [c.slot, c.code]).sort((a, b) => (a[0] as number) - (b[0] as number)));
    expect(await services.handlers['queue.list']({ siteId: 'demo' })).toEqual([]);
    // One set_code operation per code, all done: nothing duplicated in the store.
    // (The store's memory runs ahead of its file while a write is in flight: wait for the file to catch up.)
    const readStored = async () => JSON.parse(await readFile(join(dir.path, 'sites', 'demo.json'), 'utf8')) as { operations: Operation[] };
    await until('the site file to hold the last outcome', async () => !(await readStored()).operations.some((o) => o.state === 'waiting'), 5_000).catch(() => {});
    const stored = await readStored();
    for (const code of codes) {
      const ops = stored.operations.filter((o) => o.access_code_id === code.access_code_id && o.kind === 'set_code');
      expect(ops.map((o) => o.state), code.name ?? '').toEqual(['done']);
    }
    expect(stored.operations.filter((o) => o.state === 'waiting' || o.state === 'failed')).toEqual([]);
  }, 120_000);
});

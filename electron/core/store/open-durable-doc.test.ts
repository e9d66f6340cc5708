import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isCodedError } from '../../../shared/result';
import { openDurableDoc } from './open-durable-doc';
import { nodeStoreFileSystem, type StoreFileSystem } from './store-file-system';
import { createTempFolder } from './store-test-support';

const listSchema = z.object({ items: z.array(z.string()) });
type List = z.infer<typeof listSchema>;

let folder: Awaited<ReturnType<typeof createTempFolder>>;
let file: string;
beforeEach(async () => {
  folder = await createTempFolder();
  file = path.join(folder.dir, 'list.json');
});
afterEach(async () => {
  await folder.cleanup();
});

/** The real disk, counting writes (`firstWrite` settles when one starts), with a write failure switch. */
function writeCounter(): {
  fileSystem: StoreFileSystem;
  writes: () => number;
  firstWrite: Promise<void>;
  failWrites: (on: boolean) => void;
} {
  let writes = 0;
  let isFailing = false;
  let started = () => undefined as void;
  const firstWrite = new Promise<void>((resolve) => (started = resolve));
  return {
    writes: () => writes,
    firstWrite,
    failWrites: (on) => void (isFailing = on),
    fileSystem: {
      ...nodeStoreFileSystem,
      async writeFileSynced(f, text) {
        writes += 1;
        started();
        if (isFailing) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        await nodeStoreFileSystem.writeFileSynced(f, text);
      },
    },
  };
}

const open = (fileSystem?: StoreFileSystem) =>
  openDurableDoc<List>({ file, schema: listSchema, defaults: () => ({ items: [] }), ...(fileSystem ? { fileSystem } : {}) });

describe('openDurableDoc', () => {
  it('round-trips any schema, and treats a file not matching it as damaged (store.corrupt, set aside)', async () => {
    const doc = await open();
    expect(doc.read()).toEqual({ items: [] });
    await doc.update((d) => void d.items.push('a'));
    await doc.close();
    expect((await open()).read()).toEqual({ items: ['a'] });

    await writeFile(file, '{"items":[1]}');
    await rm(`${file}.bak`, { force: true });
    await expect(open()).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.corrupt');
  });

  it('group commit: updates queued behind a write are applied in order and written once, each resolved after it', async () => {
    const counter = writeCounter();
    const doc = await open(counter.fileSystem);
    const first = doc.update((d) => void d.items.push('first'));
    await counter.firstWrite; // in flight now: what follows queues behind it
    const seen = Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        doc.update((d) => {
          const before = d.items.length;
          d.items.push(`c${i}`);
          return before;
        }),
      ),
    );
    await first;
    expect(await seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(counter.writes()).toBe(2);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as List;
    expect(onDisk.items).toHaveLength(51);
    await doc.close();
  });

  it('a change that throws half-way in a batch is undone alone: the ones before and after it are saved', async () => {
    const doc = await open();
    const results = await Promise.allSettled([
      doc.update((d) => void d.items.push('a')),
      doc.update((d) => {
        d.items.push('half-done');
        d.items.splice(0, 1);
        throw new Error('refused');
      }),
      doc.update((d) => {
        d.items.push('b');
        return d.items.join();
      }),
      doc.update(async (d) => void d.items.push('async')),
      doc.update((d) => d.items.join()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(results[2]).toEqual({ status: 'fulfilled', value: 'a,b' });
    expect(results[4]).toEqual({ status: 'fulfilled', value: 'a,b' });
    expect(doc.read().items).toEqual(['a', 'b']);
    await doc.close();
    expect((await open()).read().items).toEqual(['a', 'b']);
  });

  it('a failed write rejects every update of its batch with store.write_failed and memory returns to the disk', async () => {
    const counter = writeCounter();
    const doc = await open(counter.fileSystem);
    await doc.update((d) => void d.items.push('kept'));
    counter.failWrites(true);
    const batch = await Promise.allSettled([
      doc.update((d) => void d.items.push('x')),
      doc.update((d) => void d.items.push('y')),
    ]);
    expect(batch.every((r) => r.status === 'rejected' && isCodedError(r.reason) && r.reason.code === 'store.write_failed')).toBe(true);
    expect(doc.read().items).toEqual(['kept']);
    counter.failWrites(false);
    await doc.update((d) => void d.items.push('later'));
    await doc.close();
    expect((await open()).read().items).toEqual(['kept', 'later']);
  });

  it('a change leaving data that cannot be saved (a cycle) is refused with its batch, and the queue keeps going', async () => {
    const doc = await open();
    await doc.update((d) => void d.items.push('kept'));
    const cyclic = doc.update((d) => {
      (d as unknown as { self: unknown }).self = d;
    });
    await expect(cyclic).rejects.toThrow(TypeError);
    expect(doc.read()).toEqual({ items: ['kept'] });
    await doc.update((d) => void d.items.push('after'));
    await doc.close();
    expect((await open()).read().items).toEqual(['kept', 'after']);
  });

  it('close waits for queued updates and refuses new ones', async () => {
    const doc = await open();
    const pending = [1, 2, 3].map((n) => doc.update((d) => void d.items.push(`${n}`)));
    await doc.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(3);
    await expect(doc.update(() => undefined)).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.write_failed');
    expect((await open()).read().items).toEqual(['1', '2', '3']);
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { createDataKey } from '../secrets/data-key';
import { createFieldCipher } from '../secrets/field-cipher';
import { openKeptCopy } from './kept-copies';
import { openShardedStore } from './open-sharded-store';
import { openStore } from './open-store';
import { nodeStoreFileSystem, type StoreFileSystem } from './store-file-system';
import { createTempFolder, listFolder, makeDoor, makeDoorCode, makeSite } from './store-test-support';
import type { StoreData } from './store';
import type { ShardedStore } from './store-v2';

const now = () => new Date('2026-11-03T10:15:00.000Z');

let folder: Awaited<ReturnType<typeof createTempFolder>>;
beforeEach(async () => {
  folder = await createTempFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

/** A v1 store file with two sites: s1 (doors d1, d2) and s2 (door d3), codes interleaved across them. */
async function writeV1Store(extra: (data: StoreData) => void = () => undefined): Promise<StoreData> {
  const store = await openStore({ file: folder.file });
  await store.update((data) => {
    data.sites.push(makeSite('s1'), makeSite('s2'), makeSite('s3'));
    data.doors.push(makeDoor('d1', 's1', 2), makeDoor('d2', 's1', 3), makeDoor('d3', 's2', 2));
    data.accessCodes.push(
      makeDoorCode('c1', 'd1', '111111'),
      makeDoorCode('c2', 'd3', '222222'),
      makeDoorCode('c3', 'd2', '333333'),
      makeDoorCode('c4', 'd1', '444444'),
    );
    extra(data);
  });
  const data = structuredClone(store.read()) as StoreData;
  await store.close();
  return data;
}

/** Everything in the sharded store, in the v1 shape (codes ordered by site, then as stored). */
async function readAll(store: ShardedStore): Promise<{ sites: unknown[]; doors: unknown[]; bySite: Record<string, string[]> }> {
  const { sites, doors } = store.index.read();
  const bySite: Record<string, string[]> = {};
  for (const site of sites) bySite[site.id] = (await store.codes(site.id)).read().accessCodes.map((c) => c.access_code_id);
  return { sites, doors, bySite };
}

/** The real disk, except that writing a temp file for `target` throws: a crash at that point, as the next open sees it. */
function crashWhenWriting(target: string): StoreFileSystem {
  return {
    ...nodeStoreFileSystem,
    async writeFileSynced(file, text) {
      if (path.basename(file).startsWith(`${target}.tmp-`)) throw Object.assign(new Error('power cut'), { code: 'EIO' });
      await nodeStoreFileSystem.writeFileSynced(file, text);
    },
  };
}

describe('migrating a v1 store', () => {
  it('splits lockbench.json into the index and one file per site, identical data, and keeps the v1 file', async () => {
    const v1 = await writeV1Store();
    const v1Text = await readFile(folder.file, 'utf8');
    const logged: string[] = [];
    const store = await openShardedStore({ dir: folder.dir, log: (m) => logged.push(m) });

    const all = await readAll(store);
    expect(all.sites).toEqual(v1.sites);
    expect(all.doors).toEqual(v1.doors);
    expect(all.bySite).toEqual({ s1: ['c1', 'c3', 'c4'], s2: ['c2'], s3: [] });
    const s1 = (await store.codes('s1')).read();
    expect(s1.accessCodes).toEqual(v1.accessCodes.filter((c) => c.door_id !== 'd3'));
    expect(s1.operations).toEqual([]);
    expect(store.notices()).toEqual([
      'Your data was moved to the new store format (3 sites, 4 access codes). The old file is kept as lockbench.json.v1-migrated.',
    ]);
    expect(logged).toEqual(store.notices());
    await store.close();

    expect(await listFolder(folder.dir)).toEqual(['index.json', 'lockbench.json.v1-migrated', 'sites']); // (one v1 save: no .bak)
    expect(await readFile(`${folder.file}.v1-migrated`, 'utf8')).toBe(v1Text);
    expect(await listFolder(path.join(folder.dir, 'sites'))).toEqual(['s1.json', 's2.json']);

    // The next open is a plain v2 open: same data, no notice.
    const again = await openShardedStore({ dir: folder.dir });
    expect(await readAll(again)).toEqual(all);
    expect(again.notices()).toEqual([]);
    await again.close();
  });

  it('is safe to re-run after a crash between the site files and the index: same result, v1 untouched until done', async () => {
    await writeV1Store();
    const v1Text = await readFile(folder.file, 'utf8');
    await expect(openShardedStore({ dir: folder.dir, fileSystem: crashWhenWriting('index.json') })).rejects.toSatisfy(
      (e) => isCodedError(e) && e.code === 'store.write_failed',
    );
    expect(await readFile(folder.file, 'utf8')).toBe(v1Text);
    expect(await listFolder(path.join(folder.dir, 'sites'))).toEqual(['s1.json', 's2.json']);
    expect((await listFolder(folder.dir)).includes('index.json')).toBe(false);

    const store = await openShardedStore({ dir: folder.dir });
    const resumed = await readAll(store);
    await store.close();

    const clean = await createTempFolder();
    try {
      await writeFile(clean.file, v1Text);
      const reference = await openShardedStore({ dir: clean.dir });
      expect(resumed).toEqual(await readAll(reference));
      await reference.close();
    } finally {
      await clean.cleanup();
    }
  });

  it('finishes after a crash between writing the index and renaming the v1 file, without reading it again', async () => {
    await writeV1Store();
    const noRename: StoreFileSystem = {
      ...nodeStoreFileSystem,
      rename: async (from, to) => {
        if (to.endsWith('.v1-migrated')) throw Object.assign(new Error('power cut'), { code: 'EIO' });
        await nodeStoreFileSystem.rename(from, to);
      },
    };
    const first = await openShardedStore({ dir: folder.dir, fileSystem: noRename });
    const migrated = await readAll(first);
    await first.close();
    expect(await listFolder(folder.dir)).toContain('lockbench.json');

    const store = await openShardedStore({ dir: folder.dir });
    expect(await readAll(store)).toEqual(migrated);
    expect(store.notices()).toEqual([
      'An old-format store file was found next to the new store; it was not read, and is kept as lockbench.json.v1-migrated.',
    ]);
    await store.close();
    expect(await listFolder(folder.dir)).toEqual(['index.json', 'lockbench.json.v1-migrated', 'sites']); // (one v1 save: no .bak)
  });

  it('migrates from the v1 backup when lockbench.json is damaged, keeping the damaged file', async () => {
    await writeV1Store();
    const store1 = await openStore({ file: folder.file });
    await store1.update((d) => void d.accessCodes.push(makeDoorCode('c5', 'd1'))); // .bak = the four codes
    await store1.close();
    await writeFile(folder.file, '{"schemaVersion":1,"sites":[');

    const store = await openShardedStore({ dir: folder.dir, now });
    expect((await readAll(store)).bySite).toEqual({ s1: ['c1', 'c3', 'c4'], s2: ['c2'], s3: [] });
    const notices = store.notices();
    expect(notices[0]).toMatch(/^The store file was damaged .* recovered from the last good copy/);
    expect(notices[0]).toContain('lockbench.json.corrupt-2026-11-03T10-15-00-000Z');
    expect(notices[1]).toMatch(/^Your data was moved to the new store format .* kept as lockbench.json.bak.v1-migrated\.$/);
    await store.close();
    expect(await listFolder(folder.dir)).toEqual([
      'index.json', 'lockbench.json.bak.v1-migrated', 'lockbench.json.corrupt-2026-11-03T10-15-00-000Z', 'sites',
    ]);
  });

  it('rejects store.corrupt when the v1 file and its backup are both damaged, and names them on the next open', async () => {
    await writeFile(folder.file, 'not json');
    await expect(openShardedStore({ dir: folder.dir, now })).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.corrupt');
    const store = await openShardedStore({ dir: folder.dir, now });
    expect(store.index.read().sites).toEqual([]);
    expect(store.notices().join(' ')).toContain('lockbench.json.corrupt-2026-11-03T10-15-00-000Z');
    await store.close();
  });

  it('keeps codes whose door no longer exists in the v1 file and says so', async () => {
    await writeV1Store((data) => void data.accessCodes.push(makeDoorCode('orphan', 'gone-door')));
    const store = await openShardedStore({ dir: folder.dir });
    expect((await readAll(store)).bySite).toEqual({ s1: ['c1', 'c3', 'c4'], s2: ['c2'], s3: [] });
    expect(store.notices()[0]).toContain('1 access codes whose door or site no longer exists were not moved; they are still in that file.');
    await store.close();
    expect(await readFile(`${folder.file}.v1-migrated`, 'utf8')).toContain('"orphan"');
  });

  it('with a key: PINs are sealed in the new files and the kept v1 file is sealed whole, its text recoverable', async () => {
    await writeV1Store((data) => void data.accessCodes.push(makeDoorCode('orphan', 'gone-door', '555666')));
    const v1Text = await readFile(folder.file, 'utf8');
    const pinCipher = createFieldCipher(createDataKey(), 'store pins');
    const store = await openShardedStore({ dir: folder.dir, pinCipher });
    expect((await store.codes('s1')).read().accessCodes.map((c) => c.code)).toEqual(['111111', '333333', '444444']);
    expect(store.notices()[0]).toContain('The old file is kept, encrypted, as lockbench.json.v1-migrated.');
    await store.close();

    const texts = await Promise.all(
      ['index.json', 'lockbench.json.v1-migrated', 'sites/s1.json', 'sites/s2.json'].map((f) => readFile(path.join(folder.dir, f), 'utf8')),
    );
    for (const pin of ['111111', '222222', '333333', '444444', '555666']) expect(texts.some((t) => t.includes(pin))).toBe(false);
    expect(openKeptCopy(texts[1]!, pinCipher)).toBe(v1Text); // the orphan code included
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { openShardedStore } from './open-sharded-store';
import {
  createCountingFileSystem,
  createTempFolder,
  listFolder,
  makeDoor,
  makeDoorCode,
  makeSite,
} from './store-test-support';
import type { ShardedStore } from './store-v2';

const PIN = '918273';
const now = () => new Date('2026-11-03T10:15:00.000Z');
const STAMP = '2026-11-03T10-15-00-000Z';

let folder: Awaited<ReturnType<typeof createTempFolder>>;
let sitesDir: string;
beforeEach(async () => {
  folder = await createTempFolder();
  sitesDir = path.join(folder.dir, 'sites');
});
afterEach(async () => {
  await folder.cleanup();
});

const codeIds = async (store: ShardedStore, siteId: string) =>
  (await store.codes(siteId)).read().accessCodes.map((c) => c.access_code_id);

/** Two sites with a door each; site A gets codes a1 then a2 (two versions on disk, so a `.bak`), site B gets b1. */
async function seedTwoSites(): Promise<void> {
  const store = await openShardedStore({ dir: folder.dir });
  await store.index.update((d) => {
    d.sites.push(makeSite('site-A'), makeSite('site-B'));
    d.doors.push(makeDoor('door-A', 'site-A'), makeDoor('door-B', 'site-B'));
  });
  const a = await store.codes('site-A');
  await a.update((d) => void d.accessCodes.push(makeDoorCode('a1', 'door-A', PIN)));
  await a.update((d) => void d.accessCodes.push(makeDoorCode('a2', 'door-A', PIN)));
  await (await store.codes('site-B')).update((d) => void d.accessCodes.push(makeDoorCode('b1', 'door-B')));
  await store.close();
}

describe('openShardedStore', () => {
  it('starts empty, creating only the sites folder, and writes nothing until the first update', async () => {
    const store = await openShardedStore({ dir: folder.dir });
    expect(store.index.read()).toEqual({ schemaVersion: 2, sites: [], doors: [], cloud: { account: null, eventsSince: null, lastSuccessAt: null } });
    expect((await store.codes('demo')).read()).toEqual({ schemaVersion: 2, siteId: 'demo', accessCodes: [], operations: [], outbox: [], cloudCodes: [], checks: [], bulkRuns: [] });
    expect(store.notices()).toEqual([]);
    await store.close();
    expect(await listFolder(folder.dir)).toEqual(['sites']);
    expect(await listFolder(sitesDir)).toEqual([]);
  });

  it('round-trips the index and two site files through a re-open', async () => {
    await seedTwoSites();
    expect(await listFolder(folder.dir)).toEqual(['index.json', 'sites']);
    expect(await listFolder(sitesDir)).toEqual(['site-A.json', 'site-A.json.bak', 'site-B.json']);

    const store = await openShardedStore({ dir: folder.dir });
    expect(store.index.read().sites.map((s) => s.id)).toEqual(['site-A', 'site-B']);
    expect(store.index.read().doors.map((d) => d.id)).toEqual(['door-A', 'door-B']);
    expect(await codeIds(store, 'site-A')).toEqual(['a1', 'a2']);
    expect(await codeIds(store, 'site-B')).toEqual(['b1']);
    expect((await store.codes('site-A')).read().operations).toEqual([]);
    expect(store.notices()).toEqual([]);
    await store.close();
  });

  it('migrates doors stored before Bluetooth (a Z-Wave node id) to a lock address, and writes the new shape on the next change', async () => {
    await seedTwoSites();
    const indexFile = path.join(folder.dir, 'index.json');
    const stored = JSON.parse(await readFile(indexFile, 'utf8'));
    for (const door of stored.doors) {
      door.nodeId = Number(door.lockAddress.address);
      delete door.lockAddress;
    }
    await writeFile(indexFile, JSON.stringify(stored));

    const store = await openShardedStore({ dir: folder.dir });
    expect(store.index.read().doors.map((d) => d.lockAddress)).toEqual([{ protocol: 'zwave', address: '2' }, { protocol: 'zwave', address: '2' }]);
    await store.index.update((d) => void (d.doors[0]!.name = 'Front door'));
    await store.close();
    const written = JSON.parse(await readFile(indexFile, 'utf8'));
    expect(written.doors[0]).toMatchObject({ name: 'Front door', lockAddress: { protocol: 'zwave', address: '2' } });
    expect(written.doors[0]).not.toHaveProperty('nodeId');
  });

  it('reads a site file only when codes(siteId) is first called, and only once', async () => {
    await seedTwoSites();
    const { fileSystem, reads } = createCountingFileSystem();
    const store = await openShardedStore({ dir: folder.dir, fileSystem });
    const siteReads = () => reads.filter((f) => f.startsWith(sitesDir)).map((f) => path.basename(f));
    expect(reads.map((f) => path.basename(f))).toEqual(['index.json']);

    await store.codes('site-B');
    await store.codes('site-B');
    expect(siteReads()).toEqual(['site-B.json']);
    await store.codes('site-A');
    expect(siteReads()).toEqual(['site-B.json', 'site-A.json']);
    await store.close();
  });

  it('gives concurrent callers of codes(siteId) one shared document', async () => {
    await seedTwoSites();
    const { fileSystem, reads } = createCountingFileSystem();
    const store = await openShardedStore({ dir: folder.dir, fileSystem });
    const docs = await Promise.all([store.codes('site-A'), store.codes('site-A'), store.codes('site-A')]);
    expect(docs[1]).toBe(docs[0]);
    expect(docs[2]).toBe(docs[0]);
    expect(reads.filter((f) => f.endsWith('site-A.json'))).toHaveLength(1);
    // Updates through either handle serialise on the one document.
    await Promise.all(docs.map((doc, i) => doc.update((d) => void d.accessCodes.push(makeDoorCode(`n${i}`, 'door-A')))));
    expect(await codeIds(store, 'site-A')).toEqual(['a1', 'a2', 'n0', 'n1', 'n2']);
    await store.close();
  });

  it.each(['', '../index', '..', 'a/b', 'a\\b', 'site.json', 'x'.repeat(65), 'CON', 'nul', 'ümlaut', 'a b', ' demo'])(
    'refuses the site id %j before touching the disk',
    async (siteId) => {
      const { fileSystem, reads } = createCountingFileSystem();
      const store = await openShardedStore({ dir: folder.dir, fileSystem });
      const before = reads.length;
      await expect(store.codes(siteId)).rejects.toSatisfy(
        (e) => isCodedError(e) && e.code === 'site.not_found' && e.details?.reason === 'invalid_site_id',
      );
      expect(reads.length).toBe(before);
      await store.close();
      expect(await listFolder(sitesDir)).toEqual([]);
    },
  );

  it('recovers a damaged site file from its .bak with a notice, keeping the damaged file', async () => {
    await seedTwoSites();
    await writeFile(path.join(sitesDir, 'site-A.json'), '{"schemaVersion":2,"siteId":"site-A","accessCodes":[{');
    const logged: string[] = [];
    const store = await openShardedStore({ dir: folder.dir, now, log: (m) => logged.push(m) });
    expect(store.notices()).toEqual([]);

    expect(await codeIds(store, 'site-A')).toEqual(['a1']);
    const notices = store.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^The store file was damaged \(.+\); recovered from the last good copy/);
    expect(notices[0]).toContain(`site-A.json.corrupt-${STAMP}`);
    expect(notices[0]).not.toContain(PIN);
    expect(logged).toContain(notices[0]);
    expect(await codeIds(store, 'site-B')).toEqual(['b1']);
    await store.close();
  });

  it('sets a damaged site file with no backup aside (store.corrupt) while other sites stay usable', async () => {
    await seedTwoSites();
    const damaged = `{"schemaVersion":2,"siteId":"site-B","accessCodes":[{"code":"${PIN}"`;
    await writeFile(path.join(sitesDir, 'site-B.json'), damaged);
    const store = await openShardedStore({ dir: folder.dir, now });

    await expect(store.codes('site-B')).rejects.toSatisfy(
      (e) => isCodedError(e) && e.code === 'store.corrupt' && e.message.includes(`site-B.json.corrupt-${STAMP}`) && !e.message.includes(PIN),
    );
    expect(await readFile(path.join(sitesDir, `site-B.json.corrupt-${STAMP}`), 'utf8')).toBe(damaged);
    const a = await store.codes('site-A');
    await a.update((d) => void d.accessCodes.push(makeDoorCode('a3', 'door-A')));
    await store.index.update((d) => void d.sites.push(makeSite('site-C')));
    expect(await codeIds(store, 'site-A')).toEqual(['a1', 'a2', 'a3']);

    // Asked again, the site starts empty, and its notice still names the file set aside (as openStore does).
    expect(await codeIds(store, 'site-B')).toEqual([]);
    expect(store.notices().join('\n')).toContain(`site-B.json.corrupt-${STAMP}`);
    await store.close();
  });

  it('refuses a site file that holds another site (copied by hand), leaving it as it is', async () => {
    await seedTwoSites();
    const copied = await readFile(path.join(sitesDir, 'site-B.json'), 'utf8');
    await writeFile(path.join(sitesDir, 'site-Z.json'), copied);
    const store = await openShardedStore({ dir: folder.dir });
    await expect(store.codes('site-Z')).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'site.not_found');
    expect(await readFile(path.join(sitesDir, 'site-Z.json'), 'utf8')).toBe(copied);
    await store.close();
  });

  it('writes different sites independently and close waits for every pending write', async () => {
    const store = await openShardedStore({ dir: folder.dir });
    const [a, b] = await Promise.all([store.codes('site-A'), store.codes('site-B')]);
    const pending = [
      ...Array.from({ length: 20 }, (_, i) => a.update((d) => void d.accessCodes.push(makeDoorCode(`a${i}`, 'door-A')))),
      ...Array.from({ length: 20 }, (_, i) => b.update((d) => void d.accessCodes.push(makeDoorCode(`b${i}`, 'door-B')))),
      store.index.update((d) => void d.sites.push(makeSite('site-A'))),
    ];
    await store.close();
    expect((await Promise.allSettled(pending)).every((r) => r.status === 'fulfilled')).toBe(true);
    await expect(store.codes('site-A')).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.write_failed');
    await expect(a.update(() => undefined)).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.write_failed');

    const reopened = await openShardedStore({ dir: folder.dir });
    expect(await codeIds(reopened, 'site-A')).toHaveLength(20);
    expect(await codeIds(reopened, 'site-B')).toHaveLength(20);
    expect(reopened.index.read().sites).toHaveLength(1);
    await reopened.close();
  });
});

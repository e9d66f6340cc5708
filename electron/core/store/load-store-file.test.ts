import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { openStore } from './open-store';
import { serializeStoreData } from './store-schema';
import { createTempFolder, listFolder, makeAccessCode } from './store-test-support';

const PIN = '918273';
const now = () => new Date('2026-11-03T10:15:00.000Z');
const STAMP = '2026-11-03T10-15-00-000Z';

let folder: Awaited<ReturnType<typeof createTempFolder>>;
beforeEach(async () => {
  folder = await createTempFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

/** Two committed versions: the file holds codes c1+c2, its .bak holds c1. */
async function commitTwoVersions(): Promise<void> {
  const store = await openStore({ file: folder.file });
  await store.update((data) => void data.accessCodes.push(makeAccessCode('c1', PIN)));
  await store.update((data) => void data.accessCodes.push(makeAccessCode('c2', PIN)));
  await store.close();
}

const codeIds = (store: Awaited<ReturnType<typeof openStore>>) => store.read().accessCodes.map((c) => c.access_code_id);

const damage: Record<string, (text: string) => string> = {
  empty: () => '',
  truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
  'schema-invalid': (text) => text.replace('"schemaVersion":1', '"schemaVersion":"one"'),
  'wrong record shape': (text) => text.replace('"status":"unset"', '"status":"maybe"'),
};

describe('opening a damaged store', () => {
  it.each(Object.keys(damage))('%s file: recovers from .bak, says so, and keeps the damaged file', async (kind) => {
    await commitTwoVersions();
    const damaged = damage[kind]!(await readFile(folder.file, 'utf8'));
    await writeFile(folder.file, damaged);
    const notices: string[] = [];

    const store = await openStore({ file: folder.file, now, log: (m) => notices.push(m) });

    expect(codeIds(store)).toEqual(['c1']);
    expect(store.openNotice).toMatch(/^The store file was damaged \(.+\); recovered from the last good copy saved at \d{4}-/);
    expect(store.openNotice).toContain(`lockbench.json.corrupt-${STAMP}`);
    expect(store.openNotice).not.toContain(PIN);
    expect(notices).toContain(store.openNotice);
    expect(await readFile(path.join(folder.dir, `lockbench.json.corrupt-${STAMP}`), 'utf8')).toBe(damaged);
    // The recovered store saves normally and the next open is clean.
    await store.update((data) => void data.accessCodes.push(makeAccessCode('c3')));
    await store.close();
    const reopened = await openStore({ file: folder.file, now });
    expect(reopened.openNotice).toBeNull();
    expect(codeIds(reopened)).toEqual(['c1', 'c3']);
    await reopened.close();
  });

  it('rejects store.corrupt when the backup is damaged too, and sets both aside without deleting anything', async () => {
    await commitTwoVersions();
    await writeFile(folder.file, '{"schemaVersion":1,"sites":[');
    await writeFile(`${folder.file}.bak`, '');

    const opening = openStore({ file: folder.file, now });

    await expect(opening).rejects.toSatisfy(
      (e) =>
        isCodedError(e) &&
        e.code === 'store.corrupt' &&
        e.message.includes(`lockbench.json.corrupt-${STAMP}`) &&
        e.message.includes(`lockbench.json.bak.corrupt-${STAMP}`),
    );
    expect(await listFolder(folder.dir)).toEqual([`lockbench.json.bak.corrupt-${STAMP}`, `lockbench.json.corrupt-${STAMP}`]);
    expect(await readFile(path.join(folder.dir, `lockbench.json.corrupt-${STAMP}`), 'utf8')).toBe('{"schemaVersion":1,"sites":[');
  });

  it('rejects store.corrupt when the file is damaged and there is no backup', async () => {
    await writeFile(folder.file, `{"schemaVersion":1,"accessCodes":[{"code":"${PIN}"`);
    const opening = openStore({ file: folder.file, now });
    await expect(opening).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.corrupt' && !e.message.includes(PIN));
    expect(await listFolder(folder.dir)).toEqual([`lockbench.json.corrupt-${STAMP}`]);
  });

  it('after a store.corrupt, a later open starts empty but still names the files set aside', async () => {
    await writeFile(folder.file, 'not json');
    await expect(openStore({ file: folder.file, now })).rejects.toThrow();
    const store = await openStore({ file: folder.file, now });
    expect(store.read().accessCodes).toEqual([]);
    expect(store.openNotice).toContain(`lockbench.json.corrupt-${STAMP}`);
    await store.close();
  });

  it('never overwrites an earlier set-aside copy', async () => {
    await writeFile(folder.file, 'first damage');
    await expect(openStore({ file: folder.file, now })).rejects.toThrow();
    await writeFile(folder.file, 'second damage');
    await expect(openStore({ file: folder.file, now })).rejects.toThrow();
    expect(await listFolder(folder.dir)).toEqual([`lockbench.json.corrupt-${STAMP}`, `lockbench.json.corrupt-${STAMP}-1`]);
    expect(await readFile(path.join(folder.dir, `lockbench.json.corrupt-${STAMP}`), 'utf8')).toBe('first damage');
  });

  it('recovers from .bak when the store file is missing but a backup exists', async () => {
    await commitTwoVersions();
    await unlink(folder.file); // removed by hand or by a sync tool
    const store = await openStore({ file: folder.file, now });
    expect(codeIds(store)).toEqual(['c1']);
    expect(store.openNotice).toMatch(/^The store file was missing; recovered from the last good copy/);
    await store.close();
  });
});

describe('opening after a crash mid-write', () => {
  it('ignores and removes a temp file left between write and rename, opening the last committed data', async () => {
    await commitTwoVersions();
    const committed = await readFile(folder.file, 'utf8');
    const halfWritten = serializeStoreData({ schemaVersion: 1, sites: [], doors: [], accessCodes: [] }).slice(0, 20);
    await writeFile(path.join(folder.dir, 'lockbench.json.tmp-4242-deadbeef'), halfWritten);
    await writeFile(path.join(folder.dir, 'lockbench.json.tmp-4243-cafebabe'), committed.replace('c2', 'c9'));

    const store = await openStore({ file: folder.file, now });

    expect(codeIds(store)).toEqual(['c1', 'c2']);
    expect(store.openNotice).toBeNull();
    expect(await listFolder(folder.dir)).toEqual(['lockbench.json', 'lockbench.json.bak']);
    await store.close();
  });
});

import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { openStore } from './open-store';
import { nodeStoreFileSystem, type StoreFileSystem } from './store-file-system';
import { createTempFolder, listFolder, makeAccessCode, makeSite } from './store-test-support';

let folder: Awaited<ReturnType<typeof createTempFolder>>;
beforeEach(async () => {
  folder = await createTempFolder();
});
afterEach(async () => {
  await folder.cleanup();
});

/** The real file system with one operation made to fail with an errno code. */
function failing(operation: 'rename' | 'writeFileSynced' | 'syncDirectory', code = 'EIO'): StoreFileSystem {
  return {
    ...nodeStoreFileSystem,
    [operation]: async () => {
      throw Object.assign(new Error(`${operation} failed`), { code });
    },
  };
}

describe('openStore', () => {
  it('starts empty when there is no file, and writes nothing until the first update', async () => {
    const store = await openStore({ file: folder.file });
    expect(store.read()).toEqual({ schemaVersion: 1, sites: [], doors: [], accessCodes: [] });
    expect(store.openNotice).toBeNull();
    expect(await listFolder(folder.dir)).toEqual([]);
    await store.close();
  });

  it('keeps what update wrote for the next store instance, and the previous version as .bak', async () => {
    const first = await openStore({ file: folder.file });
    await first.update((data) => void data.sites.push(makeSite('s1')));
    const returned = await first.update((data) => {
      data.accessCodes.push(makeAccessCode('c1'));
      return data.accessCodes.length;
    });
    expect(returned).toBe(1);
    await first.close();

    const second = await openStore({ file: folder.file });
    expect(second.read().sites.map((s) => s.id)).toEqual(['s1']);
    expect(second.read().accessCodes.map((c) => c.access_code_id)).toEqual(['c1']);
    const backup = JSON.parse(await readFile(`${folder.file}.bak`, 'utf8'));
    expect(backup.accessCodes).toEqual([]);
    expect(await listFolder(folder.dir)).toEqual(['lockbench.json', 'lockbench.json.bak']);
    await second.close();
  });

  it('applies many concurrent updates in call order, each seeing the one before', async () => {
    const store = await openStore({ file: folder.file });
    const seen = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        store.update((data) => {
          const before = data.accessCodes.length;
          data.accessCodes.push(makeAccessCode(`c${i}`));
          return before;
        }),
      ),
    );
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    await store.close();
    const reopened = await openStore({ file: folder.file });
    expect(reopened.read().accessCodes.map((c) => c.access_code_id)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i}`));
    await reopened.close();
  });

  it.each(['rename', 'writeFileSynced', 'syncDirectory'] as const)(
    'rolls memory back and rejects store.write_failed when %s fails, keeping earlier data',
    async (operation) => {
      const good = await openStore({ file: folder.file });
      await good.update((data) => void data.accessCodes.push(makeAccessCode('kept')));
      await good.close();

      const store = await openStore({ file: folder.file, fileSystem: failing(operation) });
      const attempt = store.update((data) => void data.accessCodes.push(makeAccessCode('lost')));
      await expect(attempt).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.write_failed');
      expect(store.read().accessCodes.map((c) => c.access_code_id)).toEqual(['kept']);
      // A queued update after the failure still runs, from the rolled-back state.
      const next = store.update((data) => data.accessCodes.length);
      await expect(next).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.write_failed');
      await store.close();

      // (When only the folder fsync fails the new file is already in place, so the disk may show either version.)
      if (operation !== 'syncDirectory') {
        const reopened = await openStore({ file: folder.file });
        expect(reopened.read().accessCodes.map((c) => c.access_code_id)).toEqual(['kept']);
        expect((await listFolder(folder.dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
        await reopened.close();
      }
    },
  );

  it('rolls back a change that throws, rejects with its error, and keeps going', async () => {
    const store = await openStore({ file: folder.file });
    await store.update((data) => void data.sites.push(makeSite('s1')));
    const bad = store.update((data) => {
      data.sites.push(makeSite('half-done'));
      throw new Error('refused');
    });
    const after = store.update((data) => data.sites.map((s) => s.id));
    await expect(bad).rejects.toThrow('refused');
    expect(await after).toEqual(['s1']);
    await store.close();
  });

  it('resolves update only after the temp file is fsynced, the backup kept, renamed and the folder fsynced', async () => {
    const steps: string[] = [];
    const short = (f: string) => (f.includes('.tmp-') ? 'temp' : f.endsWith('.bak') ? 'bak' : f === folder.file ? 'file' : f);
    const real = nodeStoreFileSystem;
    const spy: StoreFileSystem = {
      ...real,
      writeFileSynced: (f, text) => (steps.push(`write+fsync ${short(f)}`), real.writeFileSynced(f, text)),
      link: (from, to) => (steps.push(`link ${short(to)}`), real.link(from, to)),
      rename: (from, to) => (steps.push(`rename ${short(from)} -> ${short(to)}`), real.rename(from, to)),
      syncDirectory: (dir) => (steps.push('fsync dir'), real.syncDirectory(dir)),
    };
    const store = await openStore({ file: folder.file, fileSystem: spy });
    await store.update((data) => void data.sites.push(makeSite('s1')));
    await store.update((data) => void data.sites.push(makeSite('s2')));
    steps.push('resolved');
    expect(steps).toEqual([
      'write+fsync temp', 'link bak', 'rename temp -> file', 'fsync dir',
      'write+fsync temp', 'link bak', 'rename temp -> file', 'fsync dir', 'resolved',
    ]);
    await store.close();
  });

  it('copies the backup where hard links are not supported', async () => {
    const noLinks: StoreFileSystem = {
      ...nodeStoreFileSystem,
      link: async () => {
        throw Object.assign(new Error('no links'), { code: 'EPERM' });
      },
    };
    const store = await openStore({ file: folder.file, fileSystem: noLinks });
    await store.update((data) => void data.sites.push(makeSite('s1')));
    await store.update((data) => void data.sites.push(makeSite('s2')));
    await store.close();
    expect(JSON.parse(await readFile(`${folder.file}.bak`, 'utf8')).sites).toHaveLength(1);
  });

  it('close waits for pending writes and refuses later updates', async () => {
    const store = await openStore({ file: folder.file });
    const pending = store.update((data) => void data.sites.push(makeSite('s1')));
    await store.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(store.update(() => undefined)).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'store.write_failed');
    const reopened = await openStore({ file: folder.file });
    expect(reopened.read().sites).toHaveLength(1);
    await reopened.close();
  });
});

import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../../shared/result';
import { createDataKey } from '../secrets/data-key';
import { createFieldCipher, type FieldCipher } from '../secrets/field-cipher';
import { openKeptCopy } from './kept-copies';
import { openShardedStore } from './open-sharded-store';
import { createTempFolder, listFolder, makeDoor, makeDoorCode, makeSite } from './store-test-support';

/** PINs planted in the store; none of them may appear in clear in any file of the folder. */
const PINS = ['918273', '604519', '55502871'];
const now = () => new Date('2026-11-03T10:15:00.000Z');

let folder: Awaited<ReturnType<typeof createTempFolder>>;
let cipher: FieldCipher;
beforeEach(async () => {
  folder = await createTempFolder();
  cipher = createFieldCipher(createDataKey(), 'store pins');
});
afterEach(async () => {
  await folder.cleanup();
});

/** Every file under the folder, with its text. */
async function allFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), await readFile(file, 'utf8'));
    }
  }
  return files;
}

/** The files (relative names) that hold any planted PIN in clear. */
async function filesWithPins(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const [name, text] of await allFiles(dir)) if (PINS.some((pin) => text.includes(pin))) found.push(name);
  return found.sort();
}

/** One site with three codes written in two saves (so the site file has a `.bak`), with or without a cipher. */
async function seed(pinCipher: FieldCipher | null): Promise<void> {
  const store = await openShardedStore({ dir: folder.dir, pinCipher });
  await store.index.update((d) => {
    d.sites.push(makeSite('s1'));
    d.doors.push(makeDoor('d1', 's1'));
  });
  const site = await store.codes('s1');
  await site.update((d) => void d.accessCodes.push(makeDoorCode('c1', 'd1', PINS[0])));
  await site.update((d) => void d.accessCodes.push(makeDoorCode('c2', 'd1', PINS[1]), makeDoorCode('c3', 'd1', PINS[2])));
  await store.close();
}

const pinsOf = async (pinCipher: FieldCipher | null) => {
  const store = await openShardedStore({ dir: folder.dir, pinCipher, now });
  try {
    return (await store.codes('s1')).read().accessCodes.map((c) => c.code);
  } finally {
    await store.close();
  }
};

describe('PINs at rest in the store', () => {
  it('never writes a PIN in clear (site file and its backup), and reads every PIN back', async () => {
    await seed(cipher);
    expect(await listFolder(path.join(folder.dir, 'sites'))).toEqual(['s1.json', 's1.json.bak']);
    expect(await filesWithPins(folder.dir)).toEqual([]);
    expect(await pinsOf(cipher)).toEqual(PINS);
  });

  it('seals the cloud\'s copies of a PIN too (the version both sides agreed on, a conflicting one) and reads them back', async () => {
    await seed(cipher);
    const store = await openShardedStore({ dir: folder.dir, pinCipher: cipher });
    const version = (pin: string) => ({ name: 'Guest', code: pin, starts_at: null, ends_at: null });
    await (await store.codes('s1')).update((d) => {
      d.accessCodes[0]!.cloud = {
        access_code_id: 'cloud-1', device_id: 'dev-1', base: version(PINS[0]!), status: 'set', errors: [], warnings: [],
        synced_at: null, removed_in_cloud: false, conflict: { cloud: version(PINS[2]!), seen_at: now().toISOString() },
      };
    });
    await store.close();
    expect(await filesWithPins(folder.dir)).toEqual([]);
    const again = await openShardedStore({ dir: folder.dir, pinCipher: cipher });
    expect((await again.codes('s1')).read().accessCodes[0]!.cloud).toMatchObject({ base: { code: PINS[0] }, conflict: { cloud: { code: PINS[2] } } });
    await again.close();
  });

  it('re-seals only a PIN that changed: the other codes keep their sealed form byte for byte', async () => {
    await seed(cipher);
    const sealedBefore = JSON.parse(await readFile(path.join(folder.dir, 'sites', 's1.json'), 'utf8')).accessCodes.map((c: { code: string }) => c.code);
    const store = await openShardedStore({ dir: folder.dir, pinCipher: cipher });
    await (await store.codes('s1')).update((d) => void (d.accessCodes[1]!.code = '7777031'));
    await store.close();
    const sealedAfter = JSON.parse(await readFile(path.join(folder.dir, 'sites', 's1.json'), 'utf8')).accessCodes.map((c: { code: string }) => c.code);
    expect(sealedAfter[0]).toBe(sealedBefore[0]);
    expect(sealedAfter[2]).toBe(sealedBefore[2]);
    expect(sealedAfter[1]).not.toBe(sealedBefore[1]);
    expect(await pinsOf(cipher)).toEqual([PINS[0], '7777031', PINS[2]]);
  });

  it('upgrades a store written in clear: same codes, and no PIN left in clear (backup included) right after opening', async () => {
    await seed(null);
    expect(await filesWithPins(folder.dir)).toEqual(['sites/s1.json', 'sites/s1.json.bak']);
    const store = await openShardedStore({ dir: folder.dir, pinCipher: cipher });
    expect((await store.codes('s1')).read().accessCodes.map((c) => c.code)).toEqual(PINS);
    expect(await filesWithPins(folder.dir)).toEqual([]);
    await store.close();
    expect(await pinsOf(cipher)).toEqual(PINS);
  });

  it('refuses another key or no key with secrets.unavailable, and changes nothing on disk', async () => {
    await seed(cipher);
    const before = await allFiles(folder.dir);
    const otherKey = createFieldCipher(createDataKey(), 'store pins');
    for (const pinCipher of [otherKey, null]) {
      const store = await openShardedStore({ dir: folder.dir, pinCipher, now });
      await expect(store.codes('s1')).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'secrets.unavailable');
      await expect(store.codes('s1')).rejects.toSatisfy((e) => isCodedError(e) && e.code === 'secrets.unavailable');
      await store.close();
    }
    expect(await allFiles(folder.dir)).toEqual(before);
    expect(await pinsOf(cipher)).toEqual(PINS);
  });

  it('treats a sealed PIN moved onto another record as damage: the last good copy is used', async () => {
    await seed(cipher);
    const file = path.join(folder.dir, 'sites', 's1.json');
    const json = JSON.parse(await readFile(file, 'utf8'));
    [json.accessCodes[0].code, json.accessCodes[1].code] = [json.accessCodes[1].code, json.accessCodes[0].code];
    await writeFile(file, JSON.stringify(json));
    const store = await openShardedStore({ dir: folder.dir, pinCipher: cipher, now });
    expect((await store.codes('s1')).read().accessCodes.map((c) => c.code)).toEqual([PINS[0]]); // the .bak: first save
    expect(store.notices().join(' ')).toMatch(/damaged \(the PIN of access code 1 does not decrypt/);
    await store.close();
  });

  it('seals kept copies that hold PINs in clear (a damaged site file set aside by an older Lockbench), whole and recoverable', async () => {
    await seed(null);
    const aside = path.join(folder.dir, 'sites', 's1.json.corrupt-2026-01-01T00-00-00-000Z');
    const clear = (await readFile(path.join(folder.dir, 'sites', 's1.json'), 'utf8')).slice(0, -20);
    await writeFile(aside, clear);
    const store = await openShardedStore({ dir: folder.dir, pinCipher: cipher });
    await store.codes('s1');
    await store.close();
    expect(await filesWithPins(folder.dir)).toEqual([]);
    expect(openKeptCopy(await readFile(aside, 'utf8'), cipher)).toBe(clear);
  });
});

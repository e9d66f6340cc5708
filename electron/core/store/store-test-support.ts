// Helpers for the store's tests (not used by the app).
import { zwaveAddress } from '../../../shared/domain/lock-address';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AccessCode } from '../../../shared/domain/access-code';
import type { Door } from '../../../shared/domain/door';
import type { Site } from '../../../shared/domain/site';
import { sampleAccessCode, sampleDoor, sampleSite } from '../../../shared/testing/samples';
import { nodeStoreFileSystem, type StoreFileSystem } from './store-file-system';

/** A fresh temp folder; call the returned `cleanup` in afterEach. */
export async function createTempFolder(): Promise<{ dir: string; file: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lockbench-store-'));
  return { dir, file: path.join(dir, 'lockbench.json'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The names in a folder, sorted. */
export async function listFolder(dir: string): Promise<string[]> {
  return (await readdir(dir)).sort();
}

/** A valid access code record with the given id. */
export function makeAccessCode(id: string, code = '4821'): AccessCode {
  const at = '2026-11-03T10:00:00.000Z';
  return sampleAccessCode({ access_code_id: id, code, slot: null, status: 'unset', created_at: at, updated_at: at });
}

/** A valid site record with the given id. */
export function makeSite(id: string): Site {
  return sampleSite({ id, name: `Site ${id}`, createdAt: '2026-11-03T10:00:00.000Z' });
}

/** A valid door record at a site. */
export function makeDoor(id: string, siteId: string, nodeId = 2): Door {
  return sampleDoor({ id, siteId, name: `Door ${id}`, lockAddress: zwaveAddress(nodeId), createdAt: '2026-11-03T10:00:00.000Z' });
}

/** A valid access code on a door. */
export function makeDoorCode(id: string, doorId: string, code = '4821'): AccessCode {
  return { ...makeAccessCode(id, code), door_id: doorId };
}

/** The real file system, recording every file read (by path) so a test can see what was opened. */
export function createCountingFileSystem(): { fileSystem: StoreFileSystem; reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    fileSystem: { ...nodeStoreFileSystem, readText: (file) => (reads.push(file), nodeStoreFileSystem.readText(file)) },
  };
}

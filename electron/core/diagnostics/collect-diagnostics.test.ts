import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildFacts } from '../app/app-services';
import type { AppLog, PlatformPort } from '../ports/platform-port';
import { sampleCheck } from '../report/report-test-support';
import { openShardedStore } from '../store/open-sharded-store';
import { createTempFolder, makeDoor, makeSite } from '../store/store-test-support';
import type { ShardedStore } from '../store/store-v2';
import { collectDiagnosticsInput } from './collect-diagnostics';
import { buildDiagnostics } from './diagnostics-zip';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const build: BuildFacts = { version: '0.1.0', isSigned: true, commit: null, runtime: { node: '20.20.2', os: 'Debian 12' } };
const log: AppLog = { info: () => undefined, warn: () => undefined, error: () => undefined, files: async () => [{ name: 'main.log', text: 'started\n' }] };
const platform = (over: Partial<PlatformPort> = {}): PlatformPort => ({
  saveFile: async (file) => ({ outcome: 'download', file }),
  secrets: { seal: async (s) => s, open: async (s) => ({ bytes: s, shouldReseal: false }), describe: () => 'a stand-in vault' },
  log,
  onResume: () => () => undefined,
  openLink: async () => 'in_page',
  crashDumps: async () => [{ name: 'completed/c0ffee.dmp', bytes: 100, modifiedAt: '2026-11-29T08:00:00.000Z' }],
  ...over,
});

let folder: Awaited<ReturnType<typeof createTempFolder>>;
let store: ShardedStore;

/** A real store in a temp folder: site-1 with two doors (door-1 checked twice), site-2 with one door. */
beforeEach(async () => {
  folder = await createTempFolder();
  store = await openShardedStore({ dir: folder.dir, now: () => NOW });
  await store.index.update((d) => {
    d.sites.push(makeSite('site-1'), makeSite('site-2'));
    d.doors.push(makeDoor('door-1', 'site-1', 5), makeDoor('door-2', 'site-1', 6), makeDoor('door-3', 'site-2', 7));
  });
  await (await store.codes('site-1')).update((d) => {
    d.checks.push(sampleCheck('door-1', { checked_at: '2026-11-28T10:00:00.000Z', overall: 'fail' }), sampleCheck('door-1', { checked_at: '2026-11-29T14:00:00.000Z' }));
  });
});
afterEach(async () => {
  await store.close();
  await folder.cleanup();
});

describe('collectDiagnosticsInput', () => {
  it('reads every site and door with its stored checks newest first, the crash dump list and the log files', async () => {
    const input = await collectDiagnosticsInput({ store, platform: platform(), build, now: () => NOW });
    expect(input.now).toEqual(NOW);
    expect(input.build).toBe(build);
    expect(input.logs).toEqual([{ name: 'main.log', text: 'started\n' }]);
    expect(input.crashDumps).toHaveLength(1);
    expect(input.sites.map((s) => [s.id, s.doors.map((d) => [d.id, d.protocol, d.checks.length])])).toEqual([
      ['site-1', [['door-1', 'zwave', 2], ['door-2', 'zwave', 0]]],
      ['site-2', [['door-3', 'zwave', 0]]],
    ]);
    expect((input.sites[0]!.doors[0]!.checks as Array<{ checked_at: string }>).map((c) => c.checked_at)).toEqual(['2026-11-29T14:00:00.000Z', '2026-11-28T10:00:00.000Z']);
    expect(input.notices).toEqual([]);
  });

  it('changes nothing on disk, and what it gathers zips into one entry per door', async () => {
    const before = await readdir(path.join(folder.dir, 'sites'));
    const entries = unzipSync(Buffer.from((buildDiagnostics(await collectDiagnosticsInput({ store, platform: platform(), build, now: () => NOW }))).base64, 'base64'));
    expect(await readdir(path.join(folder.dir, 'sites'))).toEqual(before);
    expect(Object.keys(entries).filter((n) => n.startsWith('checks/')).sort()).toEqual(['checks/site-1/door-1.json', 'checks/site-1/door-2.json', 'checks/site-2/door-3.json']);
    expect(JSON.parse(strFromU8(entries['checks/site-1/door-1.json']!)).checks[0].overall).toBe('pass');
  });

  it('goes on past a damaged site file, unreadable logs and a crash folder it cannot list, saying so in the notices', async () => {
    await store.close();
    await writeFile(path.join(folder.dir, 'sites', 'site-1.json'), '{"schemaVersion":2,"siteId":"site-1","accessCodes":[{"code":"4821"');
    store = await openShardedStore({ dir: folder.dir, now: () => NOW });
    const input = await collectDiagnosticsInput({ store, platform: platform({ crashDumps: () => Promise.reject(new Error('EACCES')), log: { ...log, files: () => Promise.reject(new Error('EPERM')) } }), build, now: () => NOW });
    expect(input.sites[0]!.doors.map((d) => d.checks)).toEqual([[], []]);
    expect(input.sites[1]!.doors).toHaveLength(1);
    expect(input.crashDumps).toEqual([]);
    expect(input.logs).toEqual([]);
    expect(input.notices).toEqual(expect.arrayContaining(['The checks of site site-1 could not be read (store.corrupt).', 'The log files could not be read (EPERM).', 'The crash dumps could not be listed (EACCES).']));
    expect(input.notices!.join('\n')).not.toContain('4821');
  });
});

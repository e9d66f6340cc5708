import { appendFile, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBrowserLog } from './browser-log';

const root = await mkdtemp(join(tmpdir(), 'lockbench-browser-log-'));
afterAll(() => rm(root, { recursive: true, force: true }));
let folders = 0;
const dataDir = () => join(root, `data-${++folders}`);
const now = () => new Date('2026-11-30T09:00:00.000Z');

const PIN = '739184';
const HOST_TOKEN = 'q7Zk29xLm4Pw';

describe('createBrowserLog', () => {
  it('writes each line redacted to <dataDir>/logs/lockbench.log with time and level, and warnings and errors to stderr', async () => {
    const dir = dataDir();
    const err: string[] = [];
    const log = createBrowserLog({ dataDir: dir, err: (l) => err.push(l), now });
    log.info(`[host] open http://127.0.0.1:5174/?token=${HOST_TOKEN} in the browser`);
    log.warn(`[codes] keypad code ${PIN} refused on slot 12`);
    log.error('[host] server error: EADDRINUSE');
    expect(err).toEqual([
      '[warn] [codes] keypad code [redacted] refused on slot 12',
      '[error] [host] server error: EADDRINUSE',
    ]);
    const file = await readFile(join(dir, 'logs', 'lockbench.log'), 'utf8');
    expect(file.split('\n')[1]).toBe('2026-11-30T09:00:00.000Z [warn] [codes] keypad code [redacted] refused on slot 12');
    expect(file).not.toContain(PIN);
    expect(file).not.toContain(HOST_TOKEN);
    expect((await stat(join(dir, 'logs', 'lockbench.log'))).mode & 0o777).toBe(0o600);
  });

  it('appends to the file a previous run left, and moves it aside as lockbench.old.log past its size', async () => {
    const dir = dataDir();
    createBrowserLog({ dataDir: dir, err: () => undefined, now }).info('first run');
    const log = createBrowserLog({ dataDir: dir, err: () => undefined, now, maxBytes: 200 });
    for (let i = 0; i < 6; i++) log.info(`second run line ${i}: node 5 answered in 1500 ms`);
    expect((await readdir(join(dir, 'logs'))).sort()).toEqual(['lockbench.log', 'lockbench.old.log']);
    const files = await log.files();
    expect(files.map((f) => f.name)).toEqual(['lockbench.old.log', 'lockbench.log']);
    expect(files[1]!.text).toContain('line 5');
    expect(files.every((f) => Buffer.byteLength(f.text) <= 200)).toBe(true);
  });

  it('redacts the files again when handing them over (a line from an older build)', async () => {
    const dir = dataDir();
    const log = createBrowserLog({ dataDir: dir, err: () => undefined, now });
    log.info('started');
    await appendFile(join(dir, 'logs', 'lockbench.log'), `old build: pin=${PIN}\n`);
    const [file] = await log.files();
    expect(file!.text).toContain('old build: pin=[redacted]');
    expect(file!.text).not.toContain(PIN);
  });

  it('has no files before the first line, and says once on stderr when the file cannot be written', async () => {
    const blocked = join(root, 'not-a-folder');
    await writeFile(blocked, 'a file where the data folder should be');
    const err: string[] = [];
    const log = createBrowserLog({ dataDir: blocked, err: (l) => err.push(l), now });
    expect(await createBrowserLog({ dataDir: dataDir(), err: () => undefined }).files()).toEqual([]);
    log.info('one');
    log.info('two');
    expect(err.filter((l) => l.startsWith('[log] could not write'))).toHaveLength(1);
    expect(err).toContain('two');
  });
});

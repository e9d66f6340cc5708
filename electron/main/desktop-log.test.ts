import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// electron-log/node: the same logger as electron-log/main (hooks, file and console transports) without Electron.
import nodeLog from 'electron-log/node';
import { DESKTOP_LOG_MAX_BYTES, createDesktopLog } from './desktop-log';

const dir = await mkdtemp(join(tmpdir(), 'lockbench-desktop-log-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const PIN = '482193';
const SEAM_KEY = 'seam_test2ZTo_0mEYQW2TvNDCxG5Atpj85Ffw';

/** A fresh electron-log logger writing into its own file of the temp folder. */
function loggerIn(name: string) {
  const logger = nodeLog.create({ logId: name });
  logger.transports.file.resolvePathFn = () => join(dir, name, 'main.log');
  return logger;
}

describe('createDesktopLog over electron-log', () => {
  it('redacts every message in a hook, before the file transport writes it (also for code that calls electron-log directly)', async () => {
    const logger = loggerIn('hook');
    const log = createDesktopLog(logger, { isDevelopment: false });
    log.info(`[codes] set code on door-3: PIN ${PIN} (slot 4)`);
    log.warn(`[sync] key ${SEAM_KEY} refused`);
    logger.error(new Error(`lock refused code ${PIN}`), { pin: PIN, node: 5 });
    const written = await readFile(join(dir, 'hook', 'main.log'), 'utf8');
    expect(written).toContain('(slot 4)');
    expect(written).toContain('[warn]');
    expect(written).toContain('lock refused code [redacted]');
    expect(written).toContain('"node":5');
    expect(written).not.toContain(PIN);
    expect(written).not.toContain(SEAM_KEY);
    expect(logger.transports.file.maxSize).toBe(DESKTOP_LOG_MAX_BYTES);
  });

  it('writes to stderr only in development, redacted too', () => {
    const lines: string[] = [];
    const dev = createDesktopLog(loggerIn('dev'), { isDevelopment: true, stderr: (t) => lines.push(t) });
    dev.error(`user code: ${PIN}`);
    expect(lines.join('')).toContain('user code: [redacted]');
    const packaged = createDesktopLog(loggerIn('packaged'), { isDevelopment: false, stderr: (t) => lines.push(t) });
    packaged.info('only in the file');
    expect(lines.join('')).not.toContain('only in the file');
    expect(lines.join('')).not.toContain(PIN);
  });

  it('hands back the archived and the current file, oldest first, redacted again on read', async () => {
    const logger = loggerIn('rotate');
    const log = createDesktopLog(logger, { isDevelopment: false });
    logger.transports.file.maxSize = 300; // small, to see the rotation here
    for (let i = 0; i < 8; i++) log.info(`line ${i} node 5 answered in 1500 ms, nothing secret here at all`);
    // A line written by an older build before a redaction rule existed:
    await writeFile(join(dir, 'rotate', 'main.old.log'), `${await readFile(join(dir, 'rotate', 'main.old.log'), 'utf8')}old pin=${PIN}\n`);
    const files = await log.files();
    expect(files.map((f) => f.name)).toEqual(['main.old.log', 'main.log']);
    expect(files[1]!.text).toContain('line 7');
    expect(files.map((f) => f.text).join('')).not.toContain(PIN);
    expect(files[0]!.text).toContain(`old pin=[redacted]`);
  });

  it('has only the current, empty file before the first line is written (no archive yet)', async () => {
    expect(await createDesktopLog(loggerIn('empty'), { isDevelopment: false }).files()).toEqual([{ name: 'main.log', text: '' }]);
  });
});

/**
 * The services speak to the platform port only (electron/core/ports/platform-port.ts): a stand-in platform here sees
 * the wake listener registered and released, a file to save handed to it, and the log lines it is given.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuiltFile } from '../../../shared/domain/report';
import type { PlatformPort } from '../ports/platform-port';
import { createAppServices } from './create-app-services';
import { createMemoryPlatform } from './memory-platform';

let dataDir: string | null = null;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = null;
});

/** A memory platform that records wake listeners and saved files, and keeps its log quiet. */
function recordingPlatform() {
  const base = createMemoryPlatform({ write: () => {} });
  const wakeListeners = new Set<() => void>();
  const saved: BuiltFile[] = [];
  const platform: PlatformPort = {
    ...base,
    onResume(listener) {
      wakeListeners.add(listener);
      return () => void wakeListeners.delete(listener);
    },
    saveFile: async (file) => (saved.push(file), { outcome: 'saved', path: `/home/ana/Documents/${file.fileName}` }),
  };
  return { platform, wakeListeners, saved };
}

describe('the services on the platform port', () => {
  it('listen for a wake from start to close, and catch up when it comes (logged)', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lockbench-platform-'));
    const { platform, wakeListeners } = recordingPlatform();
    const services = await createAppServices({ dataDir, host: 'browser', version: 'test', platform, connectDemoOnStart: false });
    await services.ready;
    expect(wakeListeners.size).toBe(1);
    [...wakeListeners].forEach((wake) => wake());
    const log = (await platform.log.files()).map((f) => f.text).join('\n');
    expect(log).toMatch(/woke from sleep/);
    expect(await services.work.changesInProgress()).toBe(0);
    await services.close();
    expect(wakeListeners.size).toBe(0);
  });

  it('save diagnostics through the platform: a zip with the log and the build facts', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lockbench-platform-'));
    const { platform, saved } = recordingPlatform();
    const services = await createAppServices({ dataDir, host: 'browser', version: '9.9.9', platform, connectDemoOnStart: false, build: { isSigned: true, commit: 'abc1234' } });
    platform.log.warn('a line for support, code 482193 refused');
    try {
      expect(await services.handlers['app.saveDiagnostics']({})).toEqual({ outcome: 'saved', path: expect.stringMatching(/lockbench-diagnostics-.*\.zip$/) });
      expect(saved).toHaveLength(1);
      const entries = unzipSync(Buffer.from(saved[0]!.base64, 'base64'));
      expect(JSON.parse(strFromU8(entries['about.json']!))).toMatchObject({ build: { version: '9.9.9', isSigned: true, commit: 'abc1234' } });
      const logs = Object.keys(entries).filter((n) => n.startsWith('logs/')).map((n) => strFromU8(entries[n]!)).join('\n');
      expect(logs).toContain('a line for support, code [redacted] refused');
      expect(logs).not.toContain('482193');
    } finally {
      await services.close();
    }
  });
});

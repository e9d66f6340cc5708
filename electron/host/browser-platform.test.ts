import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BuiltFile } from '../../shared/domain/report';
import { isCodedError } from '../../shared/result';
import type { AppLog } from '../core/ports/platform-port';
import type { SecretVault } from '../core/secrets/secret-vault';
import { createBrowserPlatform } from './browser-platform';

const vault: SecretVault = { seal: async (s) => s, open: async (s) => ({ bytes: s, shouldReseal: false }), describe: () => 'a stand-in key file' };
const errors: string[] = [];
const log: AppLog = { info: () => undefined, warn: () => undefined, error: (line) => void errors.push(line), files: async () => [] };
const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-30T09:00:00.000Z'));
  errors.length = 0;
});
afterEach(() => vi.useRealTimers());

/** What a laptop lid does: the wall clock jumps while no timer runs. */
const sleepFor = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('the browser host’s wake detector', () => {
  it('calls the listeners when the wall clock jumped past a tick (the computer slept), not on ordinary ticks', () => {
    const platform = createBrowserPlatform({ secrets: vault, log });
    const wakes: string[] = [];
    platform.onResume(() => wakes.push('a'));
    platform.onResume(() => wakes.push('b'));
    vi.advanceTimersByTime(5 * MINUTE);
    expect(wakes).toEqual([]);
    sleepFor(45 * MINUTE);
    vi.advanceTimersByTime(10_000);
    expect(wakes).toEqual(['a', 'b']);
    vi.advanceTimersByTime(MINUTE);
    expect(wakes).toEqual(['a', 'b']);
  });

  it('does not take a late tick of a busy host (less than 30 s late) for a sleep', () => {
    const platform = createBrowserPlatform({ secrets: vault, log });
    let wakes = 0;
    platform.onResume(() => wakes++);
    sleepFor(25_000);
    vi.advanceTimersByTime(10_000);
    expect(wakes).toBe(0);
  });

  it('runs its timer only while someone listens, unref’d', () => {
    const platform = createBrowserPlatform({ secrets: vault, log, intervalMs: 1000 });
    expect(vi.getTimerCount()).toBe(0);
    const started = vi.spyOn(globalThis, 'setInterval');
    const stopA = platform.onResume(() => undefined);
    const stopB = platform.onResume(() => undefined);
    expect(vi.getTimerCount()).toBe(1);
    expect(started).toHaveBeenCalledTimes(1);
    expect((started.mock.results[0]!.value as NodeJS.Timeout).hasRef()).toBe(false);
    started.mockRestore();
    stopA();
    expect(vi.getTimerCount()).toBe(1);
    stopB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('logs a listener that throws and still calls the others', () => {
    const platform = createBrowserPlatform({ secrets: vault, log });
    let called = false;
    platform.onResume(() => {
      throw new Error('time keeper broke');
    });
    platform.onResume(() => (called = true));
    sleepFor(10 * MINUTE);
    vi.advanceTimersByTime(10_000);
    expect(called).toBe(true);
    expect(errors).toEqual(['a wake-from-sleep listener failed: time keeper broke']);
  });
});

describe('createBrowserPlatform', () => {
  it('hands a file back for the page to download, lets the page open https links only, and has no crash dumps', async () => {
    const platform = createBrowserPlatform({ secrets: vault, log });
    const file: BuiltFile = { fileName: 'lockbench-diagnostics-2026-11-30-1000.zip', mimeType: 'application/zip', base64: 'UEs=', bytes: 2 };
    expect(await platform.saveFile(file)).toEqual({ outcome: 'download', file });
    expect(await platform.openLink('https://docs.seam.co/latest')).toBe('in_page');
    await expect(platform.openLink('file:///etc/passwd').catch((e: unknown) => (isCodedError(e) ? e.code : e))).resolves.toBe('app.link_refused');
    expect(await platform.crashDumps()).toEqual([]);
    expect(platform.secrets).toBe(vault);
    expect(platform.log).toBe(log);
  });
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSmokeRun, loadSerialportBinding, pickNativeBinding, runSmoke, smokeLine, useSmokeFolder, waitForDemoSite, type SmokeRun } from './smoke-mode';
import { createStandInElectron } from './testing/stand-in-electron';

const demoSite = (state: string, stateMessage: string | null = null) => ({ id: 'demo', connections: [{ kind: 'demo' }], state, stateMessage });
const servicesWith = (sites: unknown[], ready: Promise<void> = Promise.resolve()) => ({ ready, handlers: { 'sites.list': async () => sites } }) as never;

describe('smoke mode, the pure parts', () => {
  it('is on with LOCKBENCH_SMOKE=1 or --smoke, and only then', () => {
    expect(isSmokeRun(['electron', '.'], { LOCKBENCH_SMOKE: '1' })).toBe(true);
    expect(isSmokeRun(['electron', '.', '--smoke'], {})).toBe(true);
    expect(isSmokeRun(['electron', '.'], {})).toBe(false);
    expect(isSmokeRun(['electron', '.', '--smoke-test'], { LOCKBENCH_SMOKE: '0' })).toBe(false);
  });

  it('prints exactly one line, its reason kept to one line', () => {
    const ok = { ok: true as const, mainLoadedMs: 210, windowLoadedMs: 900, demoReadyMs: 2400, serialportBinding: '/x/bindings-cpp/a.node', isPackaged: true, platform: 'win32', arch: 'x64' };
    expect(smokeLine(ok)).toBe(`LOCKBENCH_SMOKE ${JSON.stringify(ok)}`);
    expect(smokeLine({ ok: false, reason: 'store\nfailed:\n  at x' })).toBe('LOCKBENCH_SMOKE {"ok":false,"reason":"store failed: at x"}');
  });

  it('picks the loaded bindings-cpp .node file from the report', () => {
    const shared = ['/usr/lib/libc.so.6', '/app/node_modules/@serialport/bindings-cpp/package.json', 'C:\\app\\resources\\app.asar.unpacked\\node_modules\\@serialport\\bindings-cpp\\prebuilds\\win32-x64\\@serialport+bindings-cpp.node'];
    expect(pickNativeBinding(shared)).toBe(shared[2]);
    expect(pickNativeBinding(['/usr/lib/libc.so.6'])).toBeNull();
  });

  it('loads the real serialport binding here and finds its .node file', async () => {
    expect(await loadSerialportBinding()).toMatch(/bindings-cpp.*\.node$/);
    await expect(loadSerialportBinding(async () => ({}), () => [])).rejects.toThrow(/no bindings-cpp \.node/);
  });

  it('points userData, logs and crash dumps at a fresh temp folder', () => {
    const { app } = createStandInElectron({ userData: '/home/ana/.config/Lockbench' });
    const dir = useSmokeFolder(app);
    try {
      expect(dir.startsWith(tmpdir())).toBe(true);
      expect(existsSync(dir)).toBe(true);
      expect([app.getPath('userData'), app.getPath('logs'), app.getPath('crashDumps')].every((p) => p.startsWith(dir))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits for the demo site to be ready and says its state when it is not', async () => {
    await expect(waitForDemoSite(servicesWith([demoSite('ready')]))).resolves.toBeUndefined();
    await expect(waitForDemoSite(servicesWith([demoSite('failed', 'the stick did not answer')]))).rejects.toThrow('the demo site is failed: the stick did not answer');
    await expect(waitForDemoSite(servicesWith([]))).rejects.toThrow('there is no demo site');
  });
});

describe('runSmoke', () => {
  const run = (over: Partial<SmokeRun> = {}) => {
    const seen = { lines: [] as string[], exits: [] as number[], closed: 0 };
    let clock = 100;
    const smoke: SmokeRun = {
      mainLoadedMs: 42,
      started: Promise.resolve({ services: servicesWith([demoSite('ready')]), windowLoaded: Promise.resolve() }),
      loadSerialportBinding: async () => '/b/bindings-cpp.node',
      facts: { isPackaged: false, platform: 'linux', arch: 'x64' },
      now: () => (clock += 100),
      write: (line) => void seen.lines.push(line),
      close: async () => void seen.closed++,
      exit: (code) => void seen.exits.push(code),
      ...over,
    };
    return { seen, done: runSmoke(smoke) };
  };

  it('prints the measurements once, closes and exits 0', async () => {
    const { seen, done } = run();
    await done;
    expect(seen.lines).toHaveLength(1);
    const result = JSON.parse(seen.lines[0]!.replace(/^LOCKBENCH_SMOKE /, ''));
    expect(result).toEqual({ ok: true, mainLoadedMs: 42, windowLoadedMs: expect.any(Number), demoReadyMs: expect.any(Number), serialportBinding: '/b/bindings-cpp.node', isPackaged: false, platform: 'linux', arch: 'x64' });
    expect(seen).toMatchObject({ closed: 1, exits: [0] });
  });

  it('fails with the reason (exit 1) when a step fails or the start failed', async () => {
    const binding = run({ loadSerialportBinding: async () => Promise.reject(new Error('No native build was found')) });
    await binding.done;
    expect(binding.seen.lines).toEqual(['LOCKBENCH_SMOKE {"ok":false,"reason":"No native build was found"}']);
    expect(binding.seen.exits).toEqual([1]);
    const start = run({ started: Promise.reject(new Error('secrets.unavailable')), loadSerialportBinding: async () => Promise.reject(new Error('later')) });
    await start.done;
    expect(start.seen.lines).toEqual(['LOCKBENCH_SMOKE {"ok":false,"reason":"secrets.unavailable"}']);
    const page = run({ started: Promise.resolve({ services: servicesWith([demoSite('ready')]), windowLoaded: Promise.reject(new Error('ERR_FAILED (-2)')) }) });
    await page.done;
    expect(page.seen.lines[0]).toContain('ERR_FAILED');
  });

  it('removes its temp folder after a pass and keeps (and names) it after a failure', async () => {
    const passed = mkdtempSync(join(tmpdir(), 'lockbench-smoke-test-'));
    await run({ folder: passed }).done;
    expect(existsSync(passed)).toBe(false);
    const failed = mkdtempSync(join(tmpdir(), 'lockbench-smoke-test-'));
    const { seen, done } = run({ folder: failed, loadSerialportBinding: async () => Promise.reject(new Error('no binding')) });
    await done;
    expect(existsSync(failed)).toBe(true);
    expect(seen.lines[0]).toContain(`no binding (its data and logs are kept in ${failed})`);
    rmSync(failed, { recursive: true, force: true });
  });

  it('fails after the deadline when something never finishes', async () => {
    const { seen, done } = run({ timeoutMs: 50, started: new Promise(() => {}) });
    await done;
    expect(seen.lines).toEqual(['LOCKBENCH_SMOKE {"ok":false,"reason":"no result after 0 s"}']);
    expect(seen.exits).toEqual([1]);
  });
});

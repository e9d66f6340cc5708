import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliUsageError, DEFAULT_PORT, defaultDataDir, parseHostCliOptions } from './cli-options';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseHostCliOptions(argv, env, 'linux', '/home/ana');

describe('parseHostCliOptions', () => {
  it('defaults to the per-user app data folder, the fixed port and the demo site', () => {
    expect(parse([])).toEqual({ dataDir: join('/home/ana', '.config', 'Lockbench'), port: DEFAULT_PORT, isPortExplicit: false, connectDemoOnStart: true, openBuildingOnStart: false, demoClock: false });
  });

  it('reads flags, in both spellings, over env', () => {
    const env = { LOCKBENCH_DATA_DIR: '/env/dir', LOCKBENCH_PORT: '5000' };
    expect(parse([], env)).toMatchObject({ dataDir: '/env/dir', port: 5000, isPortExplicit: true });
    expect(parse(['--data-dir', '/flag/dir', '--port=0', '--no-demo'], env)).toEqual({ dataDir: '/flag/dir', port: 0, isPortExplicit: true, connectDemoOnStart: false, openBuildingOnStart: false, demoClock: false });
    expect(parse(['--demo-clock'], env).demoClock).toBe(true);
    expect(parse([], { ...env, LOCKBENCH_DEMO_CLOCK: '1' }).demoClock).toBe(true);
    expect(parse(['--building'], env)).toMatchObject({ connectDemoOnStart: true, openBuildingOnStart: true });
    expect(parse([], { ...env, LOCKBENCH_DEMO_BUILDING: '1' }).openBuildingOnStart).toBe(true);
    expect(parse([], { ...env, LOCKBENCH_DEMO_BUILDING: 'yes' }).openBuildingOnStart).toBe(false);
    expect(parse(['--data-dir=/a b/c'])).toMatchObject({ dataDir: '/a b/c' });
  });

  it('refuses bad ports, missing values and unknown flags', () => {
    for (const argv of [['--port', '-1'], ['--port', '70000'], ['--port', 'abc'], ['--port'], ['--data-dir'], ['--data-dir='], ['--verbose'], ['extra'], ['--no-demo=1'], ['--building=1']]) {
      expect(() => parse(argv), argv.join(' ')).toThrow(CliUsageError);
    }
    expect(() => parse([], { LOCKBENCH_PORT: '1.5' })).toThrow(CliUsageError);
  });
});

describe('defaultDataDir', () => {
  it('matches Electron userData per OS', () => {
    expect(defaultDataDir('darwin', {}, '/Users/ana')).toBe(join('/Users/ana', 'Library', 'Application Support', 'Lockbench'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toBe(join('C:\\Users\\ana\\AppData\\Roaming', 'Lockbench'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe(join('/xdg', 'Lockbench'));
  });
});

import { join } from 'node:path';

/** The browser host's default port: fixed so a bookmark keeps working; a free port is used when it is taken. */
export const DEFAULT_PORT = 47615;

/** What the browser host was asked to do. */
export interface HostCliOptions {
  dataDir: string;
  port: number;
  /** False when the port came from the default: then a busy port falls back to a random one. */
  isPortExplicit: boolean;
  connectDemoOnStart: boolean;
  /** Also open the building demo (24 virtual locks) at start, beside the house demo. */
  openBuildingOnStart: boolean;
  /** The demo controls may move the app's clock forward. */
  demoClock: boolean;
}

/** A command line the host cannot run with; the message is for the person who typed it. */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
}

/** One usage line for --help and errors. */
export const USAGE = 'Usage: node out/main/host.js [--data-dir <dir>] [--port <n>] [--no-demo] [--building] [--demo-clock]   (env: LOCKBENCH_DATA_DIR, LOCKBENCH_PORT, LOCKBENCH_DEMO_BUILDING=1, LOCKBENCH_DEMO_CLOCK=1, LOCKBENCH_SECRET_KEY, LOCKBENCH_KEY_DIR)';

/**
 * Parses `--data-dir <dir>`, `--port <n>` (also `--flag=value`), `--no-demo`, `--building` and `--demo-clock`; flags win
 * over LOCKBENCH_DATA_DIR / LOCKBENCH_PORT (LOCKBENCH_DEMO_BUILDING=1 and LOCKBENCH_DEMO_CLOCK=1 switch the last two on).
 * Throws CliUsageError on anything else.
 */
export function parseHostCliOptions(argv: readonly string[], env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): HostCliOptions {
  let dataDir = nonEmpty(env.LOCKBENCH_DATA_DIR);
  let portText = nonEmpty(env.LOCKBENCH_PORT);
  let connectDemoOnStart = true;
  let demoClock = env.LOCKBENCH_DEMO_CLOCK === '1';
  let openBuildingOnStart = env.LOCKBENCH_DEMO_BUILDING === '1';

  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[(index += 1)];
      if (next === undefined || next === '') throw new CliUsageError(`${flag} needs a value.`);
      return next;
    };
    if (flag === '--data-dir') dataDir = value();
    else if (flag === '--port') portText = value();
    else if (flag === '--no-demo' && inline === undefined) connectDemoOnStart = false;
    else if (flag === '--demo-clock' && inline === undefined) demoClock = true;
    else if (flag === '--building' && inline === undefined) openBuildingOnStart = true;
    else throw new CliUsageError(`Unknown option ${JSON.stringify(flag.slice(0, 40))}.`);
  }

  return {
    dataDir: dataDir ?? defaultDataDir(platform, env, home),
    port: portText === undefined ? DEFAULT_PORT : parsePort(portText),
    isPortExplicit: portText !== undefined,
    connectDemoOnStart,
    openBuildingOnStart,
    demoClock,
  };
}

/** The same folder Electron uses as userData for productName "Lockbench", so both hosts share one store. */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(nonEmpty(env.APPDATA) ?? join(home, 'AppData', 'Roaming'), 'Lockbench');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lockbench');
  return join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), 'Lockbench');
}

function parsePort(text: string): number {
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new CliUsageError('--port must be a number from 0 to 65535.');
  return Number(text);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

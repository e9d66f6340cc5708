import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** A browser host started as its own process, the way `npm start` runs it where Electron cannot. */
export interface HostProcess {
  url: string;
  child: ChildProcess;
  /** Everything the host printed (stdout + stderr), for assertions such as "no PIN in the logs". */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const HOST = resolve('out/main/host.js');

/**
 * Starts out/main/host.js on `dataDir` and a random port, with extra flags (e.g. `--no-demo`, `--demo-clock`);
 * resolves with the printed URL once it is ready.
 */
export async function startHost(dataDir: string, args: readonly string[] = [], options: { waitForDemo?: boolean } = {}): Promise<HostProcess> {
  // The URL is printed before the demo's locks are interviewed; most tests want the demo site ready as well.
  const waitForDemo = (options.waitForDemo ?? true) && !args.includes('--no-demo');
  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The browser host keeps its key outside the data folder; tests keep it next to theirs, never in the real home.
    env: { ...process.env, NODE_ENV: 'production', LOCKBENCH_KEY_DIR: process.env.LOCKBENCH_KEY_DIR ?? `${dataDir}.keys` },
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host not ready in 90 s:\n${log}`)), 90_000);
    const onData = () => {
      const match = /Lockbench is ready: (\S+)/.exec(log);
      if (match && (!waitForDemo || /Demo site ready: /.test(log))) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${log}`));
    });
  });
  return {
    url,
    child,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}

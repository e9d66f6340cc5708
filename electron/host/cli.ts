/**
 * The browser host command (built as out/main/host.js): Lockbench's services and renderer under plain Node, opened in
 * a browser on this computer. Used where Electron cannot run, and by CI / e2e. Must never import 'electron'.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../core/app/create-app-services';
import { USAGE } from './cli-options';
import { runBrowserHost } from './run-host';
import { describeStartFailure } from './start-failure';

/** This file's folder; out/main/ once built. Plain paths, not `new URL(…, import.meta.url)`, which vite rewrites. */
const here = dirname(fileURLToPath(import.meta.url));
// A closed pipe (the launcher or a test harness went away) must not crash the host through a stream error.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** The app version from package.json (two folders up from both electron/host/ and out/main/). */
function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(here, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return;
  }
  process.on('unhandledRejection', (reason) => {
    err(`[host] unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : typeof reason}`);
  });

  // Signals are taken from the start: the address is printed before the services have finished opening, and a
  // Ctrl-C in that moment must still close the data folder cleanly (exit 0), not kill the process half-way.
  let running: Awaited<ReturnType<typeof runBrowserHost>> | null = null;
  let isStopAsked = false;
  let signals = 0;
  const stop = (host: NonNullable<typeof running>) =>
    host.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        err(`[host] close failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    err(`[host] ${signal}: closing Lockbench…`);
    if (running) void stop(running);
    else isStopAsked = true;
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  running = await runBrowserHost({
    argv,
    env: process.env,
    platform: process.platform,
    home: homedir(),
    version: readVersion(),
    rendererDir: join(here, '..', 'renderer'),
    createServices: createAppServices,
    out,
    err,
  });
  if (isStopAsked) void stop(running);
}

main().catch((error: unknown) => {
  const failure = describeStartFailure(error);
  err(failure.text);
  process.exit(failure.exitCode);
});

import type { AppServices, AppServicesOptions } from '../core/app/app-services';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { parseHostCliOptions } from './cli-options';

/** Everything the browser host command needs from the outside world, passed in so tests can fake it. */
export interface RunHostDeps {
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  version: string;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  createServices: (options: AppServicesOptions) => Promise<AppServices>;
  /** stdout: the two lines people and scripts read. */
  out: (line: string) => void;
  /** stderr: diagnostics (never payloads). */
  err: (line: string) => void;
}

/** A running browser host with its services; stop() closes both, host first. */
export interface RunningHost {
  host: BrowserHost;
  stop(): Promise<void>;
}

/** The line scripts and e2e tests wait for; the URL (with its token) follows it. */
export const READY_PREFIX = 'Lockbench is ready: ';

/**
 * Starts the browser host command:
 *
 *   parse options ─▶ "Starting Lockbench (data: …)…" ─▶ createServices ─▶ await ready ─▶ listen ─▶ "Lockbench is ready: <url>"
 *
 * Throws CliUsageError on a bad command line; on any other failure closes what was opened and rethrows.
 */
export async function runBrowserHost(deps: RunHostDeps): Promise<RunningHost> {
  const options = parseHostCliOptions(deps.argv, deps.env, deps.platform, deps.home);
  deps.out(`Starting Lockbench (data: ${options.dataDir})…`);

  const services = await deps.createServices({
    dataDir: options.dataDir,
    host: 'browser',
    version: deps.version,
    connectDemoOnStart: options.connectDemoOnStart,
    demoClock: options.demoClock,
  });
  let host: BrowserHost;
  try {
    await services.ready;
    host = await startBrowserHost({
      services,
      rendererDir: deps.rendererDir,
      port: options.port,
      fallbackToRandomPort: !options.isPortExplicit,
      log: deps.err,
    });
  } catch (error) {
    await services.close().catch(() => {});
    throw error;
  }

  deps.out(`${READY_PREFIX}${host.url}`);
  let stopping: Promise<void> | undefined;
  return {
    host,
    stop() {
      stopping ??= host.close().finally(() => services.close());
      return stopping;
    },
  };
}

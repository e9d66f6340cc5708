import type { AppServices, AppServicesOptions } from '../core/app/app-services';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { parseHostCliOptions } from './cli-options';
import { BUILDING_SITE_ID } from '../core/demo/building/building-site';
import { createHostKeyVault } from './host-key-vault';
import { createBrowserLog } from './browser-log';
import { createBrowserPlatform } from './browser-platform';

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

/** The line people open and scripts wait for: the URL (with its token) follows it. Printed as soon as the page is served. */
export const READY_PREFIX = 'Lockbench is ready: ';
/** Printed once the demo site is connected and every lock on it interviewed (AppServices.ready); door names follow. */
export const DEMO_READY_PREFIX = 'Demo site ready: ';
/** With --building: printed once the building demo is ready too (it is part of AppServices.ready); its door count follows. */
export const BUILDING_READY_PREFIX = 'Building demo ready: ';

/**
 * Starts the browser host command:
 *
 *   parse options ─▶ "Starting Lockbench (data: …)…" ─▶ createServices (store open) ─▶ listen ─▶ "Lockbench is ready: <url>"
 *                                                      └─ demo site connecting: doors appear one by one ─▶ "Demo site ready: …"
 *                                                      └─ with --building, the building demo beside it ─▶ "Building demo ready: …"
 *
 * The page is served while the demo site's locks are still being interviewed: it shows the site `connecting` with its
 * progress. Throws CliUsageError on a bad command line; on any other failure before listening closes what was opened and
 * rethrows. A demo site that fails to connect does not stop the host: the page shows why, with a way to reconnect.
 */
export async function runBrowserHost(deps: RunHostDeps): Promise<RunningHost> {
  const options = parseHostCliOptions(deps.argv, deps.env, deps.platform, deps.home);
  deps.out(`Starting Lockbench (data: ${options.dataDir})…`);
  const log = createBrowserLog({ dataDir: options.dataDir, err: deps.err });
  log.info(`Lockbench ${deps.version} starting (browser host, Node ${process.versions.node}, ${deps.platform}; data: ${options.dataDir})`);

  const services = await deps.createServices({
    dataDir: options.dataDir,
    host: 'browser',
    version: deps.version,
    connectDemoOnStart: options.connectDemoOnStart,
    openBuildingOnStart: options.openBuildingOnStart,
    demoClock: options.demoClock,
    platform: createBrowserPlatform({
      secrets: createHostKeyVault({ dataDir: options.dataDir, env: deps.env, platform: deps.platform, home: deps.home }),
      log,
    }),
  });
  let host: BrowserHost;
  try {
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
  log.info(`serving the page on ${new URL(host.url).origin} (loopback only)`);
  let stopping: Promise<void> | undefined;
  if (options.connectDemoOnStart || options.openBuildingOnStart) {
    services.ready.then(
      async () => {
        if (stopping) return;
        if (options.connectDemoOnStart) {
          const doors = await services.handlers['doors.list']({ siteId: 'demo' });
          deps.out(`${DEMO_READY_PREFIX}${doors.map((d) => d.name).join(', ')}`);
          log.info(`demo site ready: ${doors.length} doors`);
        }
        if (!options.openBuildingOnStart) return;
        const building = (await services.handlers['sites.list']({})).find((s) => s.id === BUILDING_SITE_ID);
        if (building?.state !== 'ready') return; // createAppServices logs why; the page shows the site `failed`
        const doors = await services.handlers['doors.list']({ siteId: BUILDING_SITE_ID });
        deps.out(`${BUILDING_READY_PREFIX}${doors.length} doors on ${new Set(doors.map((d) => d.floor)).size} floors`);
      },
      () => {}, // createAppServices logs why; the page shows the site `failed` with its reason
    ).catch(() => {});
  }
  return {
    host,
    stop() {
      stopping ??= host.close().finally(() => services.close());
      return stopping;
    },
  };
}

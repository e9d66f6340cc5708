import type { EventHub } from '../ipc/event-hub';
import type { RequestHandlers } from '../ipc/handlers';
import type { CloudAccount } from '../../../shared/domain/cloud';
import type { CloudGateway } from '../cloud/cloud-gateway';
import type { SavedFile } from '../../../shared/domain/report';
import type { BuildFacts, PlatformPort } from '../ports/platform-port';

/** The main-process services, the same under Electron and under the browser host. */
export interface AppServices {
  readonly handlers: RequestHandlers;
  readonly events: EventHub;
  /** Resolves when the store is open and the default (demo) site is connected and interviewed. */
  readonly ready: Promise<void>;
  /** Changes waiting or running on any door of any site: the updater installs only when there are none. */
  readonly work: WorkSignal;
  /** Builds the support zip (redacted logs, capability checks, about) and saves it through the platform. */
  saveDiagnostics(): Promise<SavedFile>;
  /** Disconnect every controller, flush the store. */
  close(): Promise<void>;
}

/** How much lock work is pending, and when that changes. */
export interface WorkSignal {
  /** Changes waiting or on the air on any door (every site, every connection); 0 when a restart would cut nothing. */
  changesInProgress(): Promise<number>;
  /** Called with the new count whenever a queue changes; returns a function that stops it. */
  onChange(listener: (changesInProgress: number) => void): () => void;
}

export type { BuildFacts } from '../ports/platform-port';

/** Options for createAppServices. */
export interface AppServicesOptions {
  /** The app's data folder (Electron userData, or --data-dir / LOCKBENCH_DATA_DIR for the browser host). */
  dataDir: string;
  host: 'electron' | 'browser';
  /** App version for app.info. */
  version: string;
  /** Connect the demo site on start (default true). */
  connectDemoOnStart?: boolean;
  /**
   * Also open the building demo on start, beside the house demo (24 virtual locks, see building-demo.ts): `ready` then
   * waits for it too; its failure is logged and does not fail `ready` (the page shows the site `failed`).
   */
  openBuildingOnStart?: boolean;
  /** Let the demo controls move the app's clock forward (`demo.clock`): for demonstrations and end-to-end tests. */
  demoClock?: boolean;
  /** Waits between pings of a lock that is not answering (default: 5 s, 15 s, 30 s … 5 min); tests shorten it. */
  revivalBackoffMs?: (attempt: number) => number;
  /**
   * What differs between the desktop app and the browser host (save a file, secrets, logs, power events, open a link):
   * electron/main/desktop-platform.ts or electron/host/browser-platform.ts. Absent (tests only): a platform that keeps
   * the data key in this process's memory (a folder it sealed opens again only in the same process), logs to stderr,
   * hands files back for download and never wakes from sleep (see test-platform.ts).
   */
  platform?: PlatformPort;
  /** The build's facts for diagnostics (default: the version, unsigned, no commit, Node's versions). */
  build?: Partial<BuildFacts>;
  /** Tests: the cloud gateway for an account (default: Seam's client, createSeamGateway). */
  cloudGatewayFor?: (account: CloudAccount, secret: string) => CloudGateway;
  /** Between background syncs (default 60 s) and after a local change (default 2 s); tests shorten them. */
  syncIntervalMs?: number;
  syncDebounceMs?: number;
  /** Benchmarks: the seed of the demo sticks' radio drops (default: the clock), so a run's losses can be repeated. */
  demoRadioSeed?: number;
}

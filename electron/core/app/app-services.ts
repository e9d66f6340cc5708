import type { EventHub } from '../ipc/event-hub';
import type { RequestHandlers } from '../ipc/handlers';
import type { SecretVault } from '../secrets/secret-vault';
import type { CloudAccount } from '../../../shared/domain/cloud';
import type { CloudGateway } from '../cloud/cloud-gateway';
import type { BuiltFile } from '../../../shared/domain/report';

/** The main-process services, the same under Electron and under the browser host. */
export interface AppServices {
  readonly handlers: RequestHandlers;
  readonly events: EventHub;
  /** Resolves when the store is open and the default (demo) site is connected and interviewed. */
  readonly ready: Promise<void>;
  /** Disconnect every controller, flush the store. */
  close(): Promise<void>;
}

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
   * Where the data key that seals PINs and network keys is protected: Electron safeStorage (electron/main) or the
   * browser host's key file (electron/host); see open-private-data.ts. Absent (tests only): a key held in this
   * process's memory, so a folder it sealed opens again only in the same process.
   */
  secrets?: SecretVault;
  /** Tests: the cloud gateway for an account (default: Seam's client, createSeamGateway). */
  cloudGatewayFor?: (account: CloudAccount, secret: string) => CloudGateway;
  /** Between background syncs (default 60 s) and after a local change (default 2 s); tests shorten them. */
  syncIntervalMs?: number;
  syncDebounceMs?: number;
  /** The desktop app's save dialog for reports and exports (null when cancelled); absent in the browser host, which downloads. */
  saveFile?: (file: BuiltFile) => Promise<string | null>;
  /** Benchmarks: the seed of the demo sticks' radio drops (default: the clock), so a run's losses can be repeated. */
  demoRadioSeed?: number;
}

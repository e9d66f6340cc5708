import type { EventHub } from '../ipc/event-hub';
import type { RequestHandlers } from '../ipc/handlers';
import type { SecretVault } from '../secrets/secret-vault';

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
}

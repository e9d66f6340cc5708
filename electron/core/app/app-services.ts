import type { EventHub } from '../ipc/event-hub';
import type { RequestHandlers } from '../ipc/handlers';

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
}

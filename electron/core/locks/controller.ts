import type { Connection } from '../../../shared/domain/site';
import type { LockNetwork } from '../zwave/lock-network';
import type { LockReadiness } from '../zwave/node-readiness';

/** A controller opened for a site: its lock network, and how to close everything behind it (stick included). */
export interface OpenedController {
  readonly network: LockNetwork;
  /**
   * Each lock's interview as it ends (the controller opens before its locks are interviewed). Absent when every lock
   * was already interviewed when the controller opened (fakes in tests).
   */
  readonly readiness?: LockReadiness;
  /** Called once every lock is interviewed and read (the site is `ready`): a virtual stick starts its radio faults here. */
  onSiteReady?(): void;
  close(): Promise<void>;
}

/** Opens the controller a site's connection describes: the virtual stick, a serial path or a tcp:// stick. */
export type OpenController = (connection: Connection, onProgress: (message: string) => void) => Promise<OpenedController>;

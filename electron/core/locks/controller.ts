import type { Connection } from '../../../shared/domain/site';
import type { LockNetwork } from '../zwave/lock-network';

/** A controller opened for a site: its lock network, and how to close everything behind it (stick included). */
export interface OpenedController {
  readonly network: LockNetwork;
  close(): Promise<void>;
}

/** Opens the controller a site's connection describes: the virtual stick, a serial path or a tcp:// stick. */
export type OpenController = (connection: Connection, onProgress: (message: string) => void) => Promise<OpenedController>;

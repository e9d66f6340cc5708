import type { Connection, Site } from '../../../shared/domain/site';
import type { LockConnection } from '../ports/lock-port';

/**
 * Opens one of a site's connections: a Z-Wave stick (virtual, serial path, tcp://) or a Bluetooth radio with the site's
 * paired locks on it.
 */
export type OpenConnection = (site: Site, connection: Connection, onProgress: (message: string) => void) => Promise<LockConnection>;

import path from 'node:path';
import { CodedError } from '../../../shared/result';

/** Site ids that may become file names: letters, digits, `-` and `_` (UUIDs and `demo` qualify), 1 to 64 of them. */
const SITE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Names Windows maps to devices whatever the extension (`CON.json` is the console). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** True when `siteId` may name a site file on every OS. */
export function isValidSiteId(siteId: unknown): boolean {
  return typeof siteId === 'string' && SITE_ID.test(siteId) && !WINDOWS_DEVICE.test(siteId);
}

/** Where the sharded store keeps its files, all under one folder. */
export interface ShardedStorePaths {
  dir: string;
  /** `index.json`: sites and doors. Its presence means "this folder is in the v2 format" (see the migration). */
  index: string;
  sitesDir: string;
  /** The v1 single-file store, migrated away on first open. */
  v1File: string;
}

/** The files of the sharded store rooted at `dir`. */
export function shardedStorePaths(dir: string): ShardedStorePaths {
  const root = path.resolve(dir);
  return {
    dir: root,
    index: path.join(root, 'index.json'),
    sitesDir: path.join(root, 'sites'),
    v1File: path.join(root, 'lockbench.json'),
  };
}

/**
 * The file of one site's codes. The id is checked here, where it becomes part of a file name, whoever called:
 * an unchecked id could climb out of the folder (`../x`) or name a device (`CON`).
 * Rejects with `site.not_found` (details.reason `invalid_site_id`): no site can have such an id.
 */
export function siteFilePath(paths: ShardedStorePaths, siteId: string): string {
  if (!isValidSiteId(siteId)) {
    const shown = typeof siteId === 'string' ? JSON.stringify(siteId.slice(0, 80)) : typeof siteId;
    throw new CodedError(
      'site.not_found',
      `There is no site ${shown}: a site id is 1 to 64 letters, digits, "-" or "_". Nothing was read or saved.`,
      { reason: 'invalid_site_id' },
    );
  }
  return path.join(paths.sitesDir, `${siteId}.json`);
}

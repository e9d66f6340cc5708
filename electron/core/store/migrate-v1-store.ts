import path from 'node:path';
import type { AccessCode } from '../../../shared/domain/access-code';
import { CodedError } from '../../../shared/result';
import type { FieldCipher } from '../secrets/field-cipher';
import { replaceFileDurably } from './durable-write';
import { loadStoreFile, type LoadContext } from './load-store-file';
import { createPinSealing } from './pin-sealing';
import { isValidSiteId, siteFilePath, type ShardedStorePaths } from './sharded-store-paths';
import { errnoCode } from './store-file-system';
import { storeFileNames } from './store-file-names';
import { storeDataCodec } from './store-schema';
import type { StoreData } from './store';
import type { IndexData, SiteCodesData } from './store-v2';

/**
 * What migrating needs from the outside (the v1 loader's context, minus the file names). With `pinCipher`, the site
 * files are written with their PINs sealed, and the kept v1 files are sealed whole afterwards (by `openShardedStore`,
 * see kept-copies.ts): no PIN stays in clear in the folder. Without it (tests), everything is kept as it was.
 */
export type MigrationContext = Omit<LoadContext, 'names'> & { paths: ShardedStorePaths; pinCipher?: FieldCipher | null };

/**
 * Moves a v1 single-file store (`lockbench.json`) into the sharded layout, once, and returns notices for the user.
 *
 *   index.json (or its .bak) exists ──▶ already v2: set aside any leftover lockbench.json, done
 *   load lockbench.json (recovering from its .bak; store.corrupt if both are damaged)
 *     ─▶ write every sites/<id>.json durably ─▶ write index.json durably (last: its presence means "migrated")
 *     ─▶ rename lockbench.json(.bak) to *.v1-migrated (kept, never deleted; sealed whole next, when there is a key)
 *
 * A crash anywhere before index.json is in place leaves the v1 file untouched, and the next open redoes it all
 * (site files are rewritten whole from the same source, so the result is the same).
 */
export async function migrateV1Store(context: MigrationContext): Promise<string[]> {
  const { fs, paths } = context;
  const isV2 = (await fs.modifiedAt(paths.index)) !== null || (await fs.modifiedAt(`${paths.index}.bak`)) !== null;
  if (isV2) return retireLeftoverV1(context);

  const v1 = await loadStoreFile({ ...context, names: storeFileNames(paths.v1File) }, storeDataCodec);
  const notices = v1.notice ? [v1.notice] : [];
  if (v1.data === null) return notices;

  const split = splitV1Store(v1.data);
  try {
    await Promise.all(split.sites.map((site) => writeDoc(context, siteFilePath(paths, site.siteId), createPinSealing(context.pinCipher ?? null).seal(site))));
    await writeDoc(context, paths.index, split.index);
  } catch (e) {
    const reason = errnoCode(e) ?? (e instanceof Error ? e.name : 'error');
    throw new CodedError(
      'store.write_failed',
      `Could not move your data to the new store format (${reason}). Nothing was lost: ${paths.v1File} is untouched and the move is retried on the next start.`,
      { file: paths.v1File, reason },
    );
  }
  const keptAs = await retireV1Files(context);
  const codeCount = split.sites.reduce((n, site) => n + site.accessCodes.length, 0);
  const kept = `${context.pinCipher ? 'kept, encrypted, as' : 'kept as'} ${keptAs ?? path.basename(paths.v1File)}`;
  let notice = `Your data was moved to the new store format (${split.index.sites.length} sites, ${codeCount} access codes). The old file is ${kept}.`;
  if (split.leftBehind > 0) {
    notice += ` ${split.leftBehind} access codes whose door or site no longer exists were not moved; they are still in that file.`;
  }
  context.log(notice);
  return [...notices, notice];
}

/** The v1 data cut into the index and one document per site; codes whose door (or site id) is unknown stay behind. */
export function splitV1Store(data: StoreData): { index: IndexData; sites: SiteCodesData[]; leftBehind: number } {
  const siteOfDoor = new Map(data.doors.map((door) => [door.id, door.siteId]));
  const codesBySite = new Map<string, AccessCode[]>();
  let leftBehind = 0;
  for (const code of data.accessCodes) {
    const siteId = siteOfDoor.get(code.door_id);
    if (siteId === undefined || !isValidSiteId(siteId)) {
      leftBehind += 1;
      continue;
    }
    const codes = codesBySite.get(siteId) ?? [];
    codes.push(code);
    codesBySite.set(siteId, codes);
  }
  return {
    index: { schemaVersion: 2, sites: data.sites, doors: data.doors, cloud: { account: null, eventsSince: null, lastSuccessAt: null } },
    sites: [...codesBySite].map(([siteId, accessCodes]) => ({ schemaVersion: 2, siteId, accessCodes, operations: [], outbox: [], cloudCodes: [], checks: [], bulkRuns: [] })),
    leftBehind,
  };
}

/** Writes one v2 document durably; `json` is what goes to disk (a site's with its PINs already sealed). */
async function writeDoc(context: MigrationContext, file: string, json: unknown): Promise<void> {
  await replaceFileDurably(context.fs, storeFileNames(file), `${JSON.stringify(json)}\n`, context.log);
}

/** Already migrated, yet a v1 file is there (a crash just before it was renamed, or an older Lockbench ran since). */
async function retireLeftoverV1(context: MigrationContext): Promise<string[]> {
  const hadV1 = (await context.fs.modifiedAt(context.paths.v1File)) !== null;
  const keptAs = await retireV1Files(context);
  if (!hadV1 || keptAs === null) return []; // (a lone .bak: the crash came between the two renames)
  const notice = `An old-format store file was found next to the new store; it was not read, and is kept as ${keptAs}.`;
  context.log(notice);
  return [notice];
}

/**
 * Renames `lockbench.json` and its `.bak` to `*.v1-migrated` (never over an earlier one); returns the name the data
 * was kept under (the main file's, else the backup's), or null when neither was renamed.
 */
async function retireV1Files({ fs, paths, log }: MigrationContext): Promise<string | null> {
  const retire = async (file: string): Promise<string | null> => {
    if ((await fs.modifiedAt(file)) === null) return null;
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const target = attempt === 0 ? `${file}.v1-migrated` : `${file}.v1-migrated-${attempt}`;
      if ((await fs.modifiedAt(target)) !== null) continue;
      try {
        await fs.rename(file, target);
        return target;
      } catch (e) {
        log(`Could not rename ${file} after moving it to the new format (${errnoCode(e) ?? 'error'}); it is left as it is.`);
        return null;
      }
    }
    return null;
  };
  const main = await retire(paths.v1File);
  const backup = await retire(`${paths.v1File}.bak`);
  await fs.syncDirectory(paths.dir).catch(() => undefined);
  const kept = main ?? backup;
  return kept === null ? null : path.basename(kept);
}

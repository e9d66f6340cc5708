import { CodedError } from '../../../shared/result';
import type { FieldCipher } from '../secrets/field-cipher';
import { isKeptCopyWithPins, sealKeptCopies } from './kept-copies';
import { migrateV1Store } from './migrate-v1-store';
import { openDurableDoc, type OpenedDurableDoc } from './open-durable-doc';
import { createPinSealing } from './pin-sealing';
import { shardedStorePaths, siteFilePath } from './sharded-store-paths';
import { nodeStoreFileSystem, type StoreFileSystem } from './store-file-system';
import { createEmptyIndex, createEmptySiteCodes, indexDataSchema, siteCodesDataSchema } from './store-v2-schema';
import type { IndexData, ShardedStore, SiteCodesData } from './store-v2';
import { createSiteChangeHooks, type DeriveInCommit, type SiteCommit } from './site-changes';

/** How to open the sharded store. Only `dir` is required. */
export interface OpenShardedStoreOptions {
  /** The data folder, e.g. `<userData>`: holds `index.json` and `sites/` (created if missing). */
  dir: string;
  /** Clock for naming set-aside damaged files (tests pass a fixed one). */
  now?: () => Date;
  /** Receives notices (migration, recovery, files set aside). Never receives data, so never a PIN. */
  log?: (message: string) => void;
  /** File operations; tests inject failures or count reads here. Defaults to the real disk. */
  fileSystem?: StoreFileSystem;
  /**
   * Seals every PIN on disk (site files, their backups, kept copies). The app always gives one (see
   * open-private-data.ts); without it (tests, benchmark baselines) PINs are written in clear, and a store whose PINs
   * are sealed is refused with `secrets.unavailable`.
   */
  pinCipher?: FieldCipher | null;
  /** Adds to each site commit what its code changes imply (the cloud outbox), in the same write. */
  deriveInCommit?: DeriveInCommit;
}

/**
 * Opens the sharded store (see `ShardedStore`), first moving a v1 `lockbench.json` into it if there is one
 * (`migrateV1Store`). Only the index is read here; each site's file is read on the first `codes(siteId)`.
 *
 *   <dir>/index.json            sites + doors            opened now
 *   <dir>/sites/<siteId>.json   that site's codes + ops  opened on first use, then kept open (PINs sealed)
 *
 * Rejects with `store.corrupt` when the index (or the v1 file being migrated) and its backup are both unusable;
 * `codes(siteId)` rejects the same way for one site while the others stay usable. A failed site open is not
 * remembered: the next call tries again (and, the damaged files having been set aside, starts that site empty with
 * a notice naming them, as the app does for the whole store after `store.corrupt`).
 */
export async function openShardedStore(options: OpenShardedStoreOptions): Promise<ShardedStore> {
  const fs = options.fileSystem ?? nodeStoreFileSystem;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const paths = shardedStorePaths(options.dir);
  const docOptions = { now, log, fileSystem: fs };
  const pinCipher = options.pinCipher ?? null;

  await fs.makeDirectory(paths.sitesDir);
  const notices = await migrateV1Store({ fs, paths, now, log, pinCipher });
  if (pinCipher) {
    await sealKeptCopies(fs, paths.dir, (name) => isKeptCopyWithPins('data', name), pinCipher);
    await sealKeptCopies(fs, paths.sitesDir, (name) => isKeptCopyWithPins('sites', name), pinCipher);
  }
  const index = await openDurableDoc<IndexData>({
    ...docOptions,
    file: paths.index,
    schema: indexDataSchema,
    defaults: createEmptyIndex,
  });
  if (index.openNotice) notices.push(index.openNotice);

  const sites = new Map<string, Promise<OpenedDurableDoc<SiteCodesData>>>();
  const commitListeners = new Set<(commit: SiteCommit) => void>();
  const tellCommit = (commit: SiteCommit) => {
    for (const listener of commitListeners) {
      try {
        listener(commit);
      } catch (e) {
        log(`A store change listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };
  let isClosed = false;

  async function openSite(siteId: string): Promise<OpenedDurableDoc<SiteCodesData>> {
    const file = siteFilePath(paths, siteId);
    const sealing = createPinSealing(pinCipher);
    const doc = await openDurableDoc<SiteCodesData>({
      ...docOptions,
      file,
      schema: siteCodesDataSchema,
      defaults: () => createEmptySiteCodes(siteId),
      sealing,
      hooks: (initial) => createSiteChangeHooks(siteId, initial, options.deriveInCommit ?? null, tellCommit, sealing.sealRecord),
    });
    if (doc.read().siteId !== siteId) {
      // Only a file copied or renamed by hand, or a case-insensitive disk meeting ids that differ only in case.
      await doc.close();
      throw new CodedError('site.not_found', `The file ${file} holds the codes of another site; it was left as it is.`, {
        reason: 'site_file_mismatch',
      });
    }
    if (doc.openNotice) notices.push(doc.openNotice);
    return doc;
  }

  return {
    index,
    codes(siteId: string) {
      if (isClosed) {
        return Promise.reject(new CodedError('store.write_failed', 'The store is closed; nothing can be read or saved.'));
      }
      let opening = sites.get(siteId);
      if (!opening) {
        opening = openSite(siteId);
        const mine = opening;
        sites.set(siteId, mine);
        mine.catch(() => sites.get(siteId) === mine && sites.delete(siteId));
      }
      return opening;
    },
    notices: () => [...notices],
    onSiteCommit(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
    async close() {
      isClosed = true;
      const opened = await Promise.allSettled(sites.values());
      await Promise.all([
        index.close(),
        ...opened.map((site) => (site.status === 'fulfilled' ? site.value.close() : undefined)),
      ]);
    },
  };
}

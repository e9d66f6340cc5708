import { CodedError } from '../../../shared/result';
import { removeLeftoverTempFiles } from './durable-write';
import { errnoCode, type StoreFileSystem } from './store-file-system';
import { isSetAsideName, setAsideFileName, type StoreFileNames } from './store-file-names';
import type { DocCodec } from './doc-codec';

/** What opening found on disk. `data` is null when there is no file yet (start from defaults). */
export interface LoadedStore<T> {
  data: T | null;
  /** The serialised form of `data` as it is on disk now (the state to roll back to), or null with no store yet. */
  durableText: string | null;
  /** A sentence for the UI when something unusual happened (recovered from backup…), else null. */
  notice: string | null;
}

/** Everything loading needs from the outside. */
export interface LoadContext {
  fs: StoreFileSystem;
  names: StoreFileNames;
  now: () => Date;
  log: (message: string) => void;
}

type Candidate<T> = { kind: 'missing' } | { kind: 'good'; data: T } | { kind: 'bad'; reason: string };

/**
 * Opens one durable store file (`codec` says what a good one looks like), recovering from damage without ever deleting anything:
 *
 *   store file good ─────────────────────────────▶ use it
 *   missing, no backup ──────────────────────────▶ fresh store (notice if damaged copies were set aside before)
 *   missing or damaged, backup good ─────────────▶ use backup; damaged file → <file>.corrupt-<time>; notice
 *   damaged, backup missing or damaged ──────────▶ set both aside, reject `store.corrupt` naming them
 */
export async function loadStoreFile<T>(context: LoadContext, codec: DocCodec<T>): Promise<LoadedStore<T>> {
  const { fs, names } = context;
  await removeLeftoverTempFiles(fs, names, context.log);
  const loaded = (data: T, notice: string | null): LoadedStore<T> => ({ data, durableText: codec.serialize(data), notice });
  const main = await readCandidate(fs, names.file, codec);
  if (main.kind === 'good') return loaded(main.data, null);

  const backup = await readCandidate(fs, names.backup, codec);
  const mainAside = main.kind === 'bad' ? await setAside(context, names.file) : null;
  if (backup.kind === 'good') {
    const savedAt = (await fs.modifiedAt(names.backup))?.toISOString() ?? 'an unknown time';
    const what = main.kind === 'bad' ? `The store file was damaged (${main.reason})` : 'The store file was missing';
    const kept = mainAside ? ` The damaged file is kept at ${mainAside}.` : '';
    return loaded(
      backup.data,
      `${what}; recovered from the last good copy saved at ${savedAt}. Changes made after that may be missing.${kept}`,
    );
  }

  const backupAside = backup.kind === 'bad' ? await setAside(context, names.backup) : null;
  if (main.kind === 'missing' && backupAside === null) return startFresh(context);

  const setAsideFiles = [mainAside, backupAside].filter((f): f is string => f !== null);
  const mainWords = main.kind === 'bad' ? `The store file ${names.file} is damaged (${main.reason})` : `The store file ${names.file} is missing`;
  const backupWords = backup.kind === 'bad' ? `its backup copy is damaged too (${backup.reason})` : 'there is no backup copy';
  throw new CodedError(
    'store.corrupt',
    `${mainWords} and ${backupWords}. Nothing was deleted: the damaged files were set aside as ${setAsideFiles.join(' and ')}.`,
    { file: names.file, setAside: setAsideFiles.join('\n') },
  );
}

/**
 * No store and no backup. If damaged copies were set aside by an earlier open, the user has already been told
 * (`store.corrupt`); starting empty is then their choice, but say so again until the first save.
 */
async function startFresh<T>({ fs, names }: LoadContext): Promise<LoadedStore<T>> {
  const setAside = (await fs.readdir(names.dir).catch(() => [] as string[])).filter((n) => isSetAsideName(names, n));
  const notice =
    setAside.length === 0
      ? null
      : `Started with an empty store; the damaged store files set aside earlier are kept in ${names.dir} (${setAside.join(', ')}).`;
  return { data: null, durableText: null, notice };
}

async function readCandidate<T>(fs: StoreFileSystem, file: string, codec: DocCodec<T>): Promise<Candidate<T>> {
  let text: string;
  try {
    text = await fs.readText(file);
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { kind: 'missing' };
    throw new CodedError('store.corrupt', `The store file ${file} could not be read (${errnoCode(e) ?? 'error'}).`, { file });
  }
  const parsed = codec.parse(text);
  return parsed.ok ? { kind: 'good', data: parsed.data } : { kind: 'bad', reason: parsed.reason };
}

/** Moves a damaged file to `<file>.corrupt-<time>` (never over an existing one) and returns where it went. */
async function setAside({ fs, now, log }: LoadContext, file: string): Promise<string> {
  const at = now();
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const target = setAsideFileName(file, at, attempt);
    if ((await fs.modifiedAt(target)) !== null) continue;
    try {
      await fs.rename(file, target);
    } catch (e) {
      throw new CodedError('store.corrupt', `The damaged store file ${file} could not be set aside (${errnoCode(e) ?? 'error'}).`, {
        file,
      });
    }
    log(`Set the damaged file ${file} aside as ${target}.`);
    return target;
  }
  throw new CodedError('store.corrupt', `The damaged store file ${file} could not be set aside (too many earlier copies).`, { file });
}

import type { Adapter } from 'lowdb';
import { CodedError } from '../../../shared/result';
import { replaceFileDurably } from './durable-write';
import { loadStoreFile, type LoadContext } from './load-store-file';
import { errnoCode } from './store-file-system';
import { createDefaultStoreData, serializeStoreData } from './store-schema';
import type { StoreData } from './store';

/**
 * A lowdb adapter for the store file that, unlike lowdb's own JSONFile, fsyncs before resolving, keeps the previous
 * version as `<file>.bak`, recovers from a damaged file on read, and remembers the last durable state so the store
 * can roll memory back when a write fails.
 */
export class DurableFileAdapter implements Adapter<StoreData> {
  /** Set by `read()`: what happened while opening, for a banner in the UI. */
  openNotice: string | null = null;
  /** Exactly what is on disk now (null: nothing saved yet). Kept as text: one string, cheap to hold, cheap to restore. */
  private durableText: string | null = null;

  constructor(private readonly context: LoadContext) {}

  /** Loads the store file (or its backup); null means "no store yet", and lowdb keeps its defaults. */
  async read(): Promise<StoreData | null> {
    const loaded = await loadStoreFile(this.context);
    this.openNotice = loaded.notice;
    this.durableText = loaded.durableText;
    return loaded.data;
  }

  /** Writes `data` durably; rejects with `store.write_failed` (and the disk keeps the previous version). */
  async write(data: StoreData): Promise<void> {
    const { fs, names, log } = this.context;
    try {
      const text = serializeStoreData(data);
      await replaceFileDurably(fs, names, text, log);
      this.durableText = text;
    } catch (e) {
      const reason = errnoCode(e) ?? (e instanceof Error ? e.name : 'error');
      throw new CodedError('store.write_failed', `Could not save to ${names.file} (${reason}); the change was not saved.`, {
        file: names.file,
        reason,
      });
    }
  }

  /** A fresh copy of the last state that reached the disk, to replace memory after a failed change or write. */
  lastDurableData(): StoreData {
    return this.durableText === null ? createDefaultStoreData() : (JSON.parse(this.durableText) as StoreData);
  }
}

import type { Adapter } from 'lowdb';
import { CodedError } from '../../../shared/result';
import type { DocCodec } from './doc-codec';
import { replaceFileDurably } from './durable-write';
import { loadStoreFile, type LoadContext } from './load-store-file';
import { errnoCode } from './store-file-system';

/**
 * A lowdb adapter for one durable document that, unlike lowdb's own JSONFile, fsyncs before resolving, keeps the
 * previous version as `<file>.bak`, recovers from a damaged file on read, and remembers the last durable state so
 * the document can roll memory back when a change or a write fails.
 */
export class DurableFileAdapter<T> implements Adapter<T> {
  /** Set by `read()`: what happened while opening, for a banner in the UI. */
  openNotice: string | null = null;
  /** Exactly what is on disk now (null: nothing saved yet). Kept as text: one string, cheap to hold, cheap to restore. */
  private durableText: string | null = null;

  constructor(
    private readonly context: LoadContext,
    private readonly codec: DocCodec<T>,
    private readonly defaults: () => T,
  ) {}

  /** Loads (and validates) the file or its backup; null means "no file yet", and lowdb keeps its defaults. */
  async read(): Promise<T | null> {
    const loaded = await loadStoreFile(this.context, this.codec);
    this.openNotice = loaded.notice;
    this.durableText = loaded.durableText;
    return loaded.data;
  }

  /** Writes `data` durably; see `writeText`. */
  async write(data: T): Promise<void> {
    await this.writeText(this.codec.serialize(data));
  }

  /**
   * Writes an already serialised document durably (no validation: the text came from typed data). Rejects with
   * `store.write_failed`, and the disk keeps the previous version.
   */
  async writeText(text: string): Promise<void> {
    const { fs, names, log } = this.context;
    try {
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

  /** The document as text (the form `writeText` takes and `restore` reads). */
  serialize(data: T): string {
    return this.codec.serialize(data);
  }

  /** A fresh copy of the last state that reached the disk, to replace memory after a failed change or write. */
  lastDurableData(): T {
    return this.durableText === null ? this.defaults() : this.restore(this.durableText);
  }

  /** Data back from text this adapter serialised (trusted: no validation; sealed fields are opened). */
  restore(text: string): T {
    return this.codec.restore(text);
  }
}

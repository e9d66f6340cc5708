/** What group commit needs from a durable document: its memory, its text form, and its disk. */
export interface CommitTarget<T> {
  /** The document in memory (mutated in place by changes). */
  get(): T;
  /** Replaces the document in memory (after a rollback). */
  set(data: T): void;
  serialize(data: T): string;
  /** Data back from text made by `serialize`. */
  restore(text: string): T;
  /** A fresh copy of what is on disk now. */
  lastDurableData(): T;
  /** Makes `text` the document on disk, durably; rejects (and the disk keeps the previous version) on failure. */
  writeText(text: string): Promise<void>;
  /** Optional: what the batch's changes imply, written in the same commit (see `CommitHooks`). */
  hooks?: CommitHooks<T>;
}

/**
 * What a document derives from each batch of changes, in the same durable write, and tells after it:
 * `beforeWrite` may change the data (e.g. fill the cloud outbox for the codes the batch changed) and returns a
 * summary; `afterWrite` receives that summary once the write is on disk; `afterRollback` when it was not.
 */
export interface CommitHooks<T> {
  beforeWrite(data: T): unknown;
  afterWrite(summary: unknown): void;
  afterRollback(): void;
}

/** Serialised, durable changes to one document, written in groups. */
export interface CommitQueue<T> {
  /** Runs `change` after every change submitted before it and resolves with its result once it is on disk. */
  submit<R>(change: (data: T) => R): Promise<R>;
  /** Resolves once every change submitted so far has settled. */
  idle(): Promise<void>;
}

interface Pending<T> {
  change: (data: T) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: changes submitted while a write is in flight are applied together and written once.
 *
 *   submit ─▶ pending ──(previous write settled)──▶ batch: change₁ change₂ … changeₙ ─▶ one write ─▶ resolve all
 *
 * Each change still runs alone and in submission order, sees the changes before it, and is resolved only once a
 * write containing it is on disk. A change that throws (or returns a promise) is rejected and undone on its own:
 * memory goes back to a snapshot taken just before it (text; taken only when earlier changes of the same batch are
 * in memory, so a lone change costs nothing extra). A failed write rejects every change of its batch and memory goes
 * back to what is on disk. Between batches memory always equals the disk.
 */
export function createCommitQueue<T>(target: CommitTarget<T>): CommitQueue<T> {
  let pending: Pending<T>[] = [];
  let draining: Promise<void> | null = null;

  async function drain(): Promise<void> {
    await Promise.resolve(); // changes submitted in the same tick join the first batch
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await commitBatch(batch);
      } catch (e) {
        // Only when a change left memory that cannot be serialised (a cycle, a BigInt: outside T's type). Nothing of
        // this batch was written; undo it all and keep the queue going. (Settled promises ignore a second reject.)
        target.set(target.lastDurableData());
        for (const item of batch) item.reject(e);
      }
    }
    draining = null;
  }

  async function commitBatch(batch: Pending<T>[]): Promise<void> {
    const applied: { item: Pending<T>; result: unknown }[] = [];
    /** Text known to equal memory right now, or null when memory has changed since it was last serialised. */
    let cleanText: string | null = null;
    for (const item of batch) {
      const before = applied.length === 0 ? null : (cleanText ??= target.serialize(target.get()));
      try {
        const result = item.change(target.get());
        if (isPromiseLike(result)) {
          Promise.resolve(result).catch(() => undefined);
          throw new TypeError('A store change must be synchronous: it returned a promise.');
        }
        applied.push({ item, result });
        cleanText = null;
      } catch (e) {
        target.set(before === null ? target.lastDurableData() : target.restore(before));
        cleanText = before;
        item.reject(e);
      }
    }
    if (applied.length === 0) return;
    let summary: unknown = null;
    try {
      summary = target.hooks ? target.hooks.beforeWrite(target.get()) : null;
    } catch (e) {
      target.set(target.lastDurableData());
      target.hooks?.afterRollback();
      for (const { item } of applied) item.reject(e);
      return;
    }
    const text = target.hooks ? target.serialize(target.get()) : (cleanText ?? target.serialize(target.get()));
    try {
      await target.writeText(text);
    } catch (e) {
      target.set(target.lastDurableData());
      target.hooks?.afterRollback();
      for (const { item } of applied) item.reject(e);
      return;
    }
    for (const { item, result } of applied) item.resolve(result);
    target.hooks?.afterWrite(summary);
  }

  return {
    submit<R>(change: (data: T) => R): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        pending.push({ change, resolve: resolve as (value: unknown) => void, reject });
        draining ??= drain();
      });
    },
    async idle() {
      while (draining) await draining;
    },
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

import type { z } from 'zod';

/** A document's text as data, or why it cannot be used, in words safe to show and log (never any of its content). */
export type ParsedDocText<T> = { ok: true; data: T } | { ok: false; reason: string };

/**
 * How one kind of durable document goes to and from disk. `parse` validates (it runs once, on open);
 * `serialize` does not (it runs on every write, and everything written came through `parse` or a typed change).
 */
export interface DocCodec<T> {
  parse(text: string): ParsedDocText<T>;
  serialize(data: T): string;
  /** Data back from text this codec serialised (trusted: not validated; sealed fields are opened). */
  restore(text: string): T;
  /** True when the last `parse` read secret fields in clear (a file from before they were sealed): rewrite it. */
  isOutdated(): boolean;
}

/** What opening a document's sealed fields found: all opened (some maybe in clear), or one that would not open. */
export type OpenedFields = { ok: true; hadClear: boolean } | { ok: false; reason: string };

/**
 * A document's secret fields between memory and disk (see pin-sealing.ts). Services only ever see opened values.
 * `open` throws `secrets.unavailable` when a field was sealed with another key: that is not damage, so the file must
 * not be recovered from its backup or set aside because of it.
 */
export interface DocSealing<T> {
  /** What goes to disk for `data`: a copy with secret fields sealed (`data` is left as it is). */
  seal(data: T): unknown;
  /** Opens the secret fields of freshly parsed, not yet validated JSON, in place. */
  open(json: unknown): OpenedFields;
}

/**
 * A codec for a zod schema: compact JSON with a final newline, secret fields sealed by `sealing` when given. A file
 * that parses as JSON but does not match the schema, or whose sealed fields do not open, is treated exactly like a
 * truncated one: damaged. Error wording deliberately leaves out the text itself: `JSON.parse` messages quote the
 * input, and the input holds PINs.
 */
export function createZodCodec<T>(schema: z.ZodType<T>, sealing?: DocSealing<T>): DocCodec<T> {
  let isOutdated = false;
  return {
    parse(text) {
      isOutdated = false;
      if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, reason: 'the file is not valid JSON (it may have been cut short)' };
      }
      const opened = sealing ? sealing.open(json) : { ok: true as const, hadClear: false };
      if (!opened.ok) return opened;
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
        return { ok: false, reason: `the file does not have the expected shape (at ${where})` };
      }
      isOutdated = opened.hadClear;
      return { ok: true, data: parsed.data };
    },
    serialize: (data) => `${JSON.stringify(sealing ? sealing.seal(data) : data)}\n`,
    restore(text) {
      const json: unknown = JSON.parse(text);
      const opened = sealing?.open(json);
      if (opened && !opened.ok) throw new Error(`A document written by this process did not open again: ${opened.reason}`);
      return json as T;
    },
    isOutdated: () => isOutdated,
  };
}

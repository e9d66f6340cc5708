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
}

/**
 * A codec for a zod schema: compact JSON with a final newline. A file that parses as JSON but does not match the
 * schema is treated exactly like a truncated one: damaged. Error wording deliberately leaves out the text itself:
 * `JSON.parse` messages quote the input, and the input holds PINs.
 */
export function createZodCodec<T>(schema: z.ZodType<T>): DocCodec<T> {
  return {
    parse(text) {
      if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { ok: false, reason: 'the file is not valid JSON (it may have been cut short)' };
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
        return { ok: false, reason: `the file does not have the expected shape (at ${where})` };
      }
      return { ok: true, data: parsed.data };
    },
    serialize: (data) => `${JSON.stringify(data)}\n`,
  };
}

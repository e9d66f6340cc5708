import { z } from 'zod';
import { accessCodeSchema } from '../../../shared/domain/access-code';
import { doorSchema } from '../../../shared/domain/door';
import { siteSchema } from '../../../shared/domain/site';
import type { StoreData } from './store';

/**
 * The shape of the store file, built from the shared domain schemas. A file that parses as JSON but does not
 * match this is treated exactly like a truncated one: damaged, recover from the backup.
 */
export const storeDataSchema = z.object({
  schemaVersion: z.literal(1),
  sites: z.array(siteSchema),
  doors: z.array(doorSchema),
  accessCodes: z.array(accessCodeSchema),
}) satisfies z.ZodType<StoreData>;

/** What a brand-new store holds (nothing is written until the first update). */
export function createDefaultStoreData(): StoreData {
  return { schemaVersion: 1, sites: [], doors: [], accessCodes: [] };
}

/** A store file's text as data, or why it cannot be used, in words safe to show and log (never any of its content). */
export type ParsedStoreText = { ok: true; data: StoreData } | { ok: false; reason: string };

/**
 * Parses and validates the text of a store file. Error wording deliberately leaves out the text itself:
 * `JSON.parse` messages quote the input, and the input holds PINs.
 */
export function parseStoreText(text: string): ParsedStoreText {
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file is not valid JSON (it may have been cut short)' };
  }
  const parsed = storeDataSchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'the top level';
    return { ok: false, reason: `the file does not have the expected shape (at ${where})` };
  }
  return { ok: true, data: parsed.data };
}

/** The text written to disk for `data`: compact JSON (the file may hold 100k codes) and a final newline. */
export function serializeStoreData(data: StoreData): string {
  return `${JSON.stringify(data)}\n`;
}

import { z } from 'zod';
import { accessCodeSchema } from '../../../shared/domain/access-code';
import { doorSchema } from '../../../shared/domain/door';
import { siteSchema } from '../../../shared/domain/site';
import { createZodCodec, type ParsedDocText } from './doc-codec';
import type { StoreData } from './store';

/**
 * The shape of the v1 single-file store, built from the shared domain schemas. A file that parses as JSON but does
 * not match this is treated exactly like a truncated one: damaged, recover from the backup.
 */
export const storeDataSchema = z.object({
  schemaVersion: z.literal(1),
  sites: z.array(siteSchema),
  doors: z.array(doorSchema),
  accessCodes: z.array(accessCodeSchema),
}) satisfies z.ZodType<StoreData>;

/** Reads and writes the v1 store file. */
export const storeDataCodec = createZodCodec<StoreData>(storeDataSchema);

/** What a brand-new store holds (nothing is written until the first update). */
export function createDefaultStoreData(): StoreData {
  return { schemaVersion: 1, sites: [], doors: [], accessCodes: [] };
}

/** A store file's text as data, or why it cannot be used (see `createZodCodec`). */
export type ParsedStoreText = ParsedDocText<StoreData>;

/** Parses and validates the text of a v1 store file. */
export function parseStoreText(text: string): ParsedStoreText {
  return storeDataCodec.parse(text);
}

/** The text written to disk for `data`: compact JSON (the file may hold 100k codes) and a final newline. */
export function serializeStoreData(data: StoreData): string {
  return storeDataCodec.serialize(data);
}

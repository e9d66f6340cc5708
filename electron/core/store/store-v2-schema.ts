import { z } from 'zod';
import { accessCodeSchema } from '../../../shared/domain/access-code';
import { cloudAccountSchema, cloudForeignCodeSchema, outboxEntrySchema } from '../../../shared/domain/cloud';
import { doorSchema } from '../../../shared/domain/door';
import { operationSchema } from '../../../shared/domain/operation';
import { capabilityReportSchema } from '../../../shared/domain/capability';
import { bulkRunSchema } from '../../../shared/domain/bulk';
import { siteSchema } from '../../../shared/domain/site';
import type { IndexData, SiteCodesData } from './store-v2';

/** The shape of `index.json`: sites and doors. */
export const indexDataSchema = z.object({
  schemaVersion: z.literal(2),
  sites: z.array(siteSchema),
  doors: z.array(doorSchema),
  cloud: z
    .object({ account: cloudAccountSchema.nullable(), eventsSince: z.string().nullable(), lastSuccessAt: z.string().nullable() })
    .default({ account: null, eventsSince: null, lastSuccessAt: null }),
}) satisfies z.ZodType<IndexData>;

/** The shape of `sites/<siteId>.json`: that site's codes and queued operations. */
export const siteCodesDataSchema = z.object({
  schemaVersion: z.literal(2),
  siteId: z.string(),
  accessCodes: z.array(accessCodeSchema),
  operations: z.array(operationSchema),
  outbox: z.array(outboxEntrySchema).default([]),
  cloudCodes: z.array(cloudForeignCodeSchema).default([]),
  checks: z.array(capabilityReportSchema).default([]),
  bulkRuns: z.array(bulkRunSchema).default([]),
}) satisfies z.ZodType<SiteCodesData>;

/** An empty index (nothing is written until the first update). */
export function createEmptyIndex(): IndexData {
  return { schemaVersion: 2, sites: [], doors: [], cloud: { account: null, eventsSince: null, lastSuccessAt: null } };
}

/** An empty site file for `siteId` (nothing is written until the first update). */
export function createEmptySiteCodes(siteId: string): SiteCodesData {
  return { schemaVersion: 2, siteId, accessCodes: [], operations: [], outbox: [], cloudCodes: [], checks: [], bulkRuns: [] };
}

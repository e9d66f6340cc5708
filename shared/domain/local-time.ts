import { z } from 'zod';

/** A wall-clock time at the property, as the installer types it ("2026-12-24", "15:00"), in the site's time zone. */
export const localDateTimeSchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must look like 2026-12-24'),
    time: z.string().regex(/^\d{2}:\d{2}$/, 'time must look like 15:00'),
  })
  .strict();
export type LocalDateTime = z.infer<typeof localDateTimeSchema>;

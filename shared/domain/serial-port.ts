import { z } from 'zod';

/** A serial port seen on this computer, with the Z-Wave stick it was recognised as (by USB vendor/product id). */
export const serialPortInfoSchema = z.object({
  path: z.string(),
  manufacturer: z.string().nullable(),
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  /** E.g. "Zooz ZST10 700" or "Aeotec Z-Stick Gen5"; null when not a known Z-Wave stick. */
  stickName: z.string().nullable(),
});
export type SerialPortInfo = z.infer<typeof serialPortInfoSchema>;

/** The port list, plus why listing failed when it did (the installer can still type a path). */
export const serialPortListSchema = z.object({
  ports: z.array(serialPortInfoSchema),
  listError: z.string().nullable(),
});
export type SerialPortList = z.infer<typeof serialPortListSchema>;

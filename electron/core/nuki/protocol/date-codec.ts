import { CodedError } from '../../../../shared/result';
import { ByteReader, ByteWriter, protocolError } from './bytes';

/**
 * Nuki date and time fields (nuki-ble.md §4, §6):
 *   date-time "uint8[7]" = year u16 ‖ month ‖ day ‖ hour ‖ minute ‖ second, in UTC; all zero = not set (null)
 *   time of day "uint8[2]" = hour ‖ minute, in the lock's local time
 *   weekdays u8: bit6 = Mon, bit5 = Tue … bit1 = Sat, bit0 = Sun; 0 = every day
 */

/** Length of an encoded date-time. */
export const DATE_TIME_BYTES = 7;

/** A day of the week as keypad codes restrict it. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Monday first, each at bit (6 - index). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A time of day in the lock's local time. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** Midnight; the value of an unused time-of-day field. */
export const MIDNIGHT: Readonly<TimeOfDay> = { hour: 0, minute: 0 };

/** Encodes a UTC date-time (seconds precision); null → seven zero bytes. */
export function encodeDateTime(date: Date | null): Uint8Array {
  if (date === null) return new Uint8Array(DATE_TIME_BYTES);
  if (Number.isNaN(date.getTime())) throw protocolError('Invalid date', { field: 'date' });
  return new ByteWriter()
    .u16(date.getUTCFullYear(), 'year')
    .u8(date.getUTCMonth() + 1)
    .u8(date.getUTCDate())
    .u8(date.getUTCHours())
    .u8(date.getUTCMinutes())
    .u8(date.getUTCSeconds())
    .toBytes();
}

/** Decodes seven bytes at `offset` as a UTC date-time; null when not set (all zero, or year/month/day zero). */
export function decodeDateTime(bytes: Uint8Array, offset = 0): Date | null {
  const r = new ByteReader(bytes, offset);
  const [year, month, day, hour, minute, second] = [r.u16(), r.u8(), r.u8(), r.u8(), r.u8(), r.u8()];
  if (year === 0 || month === 0 || day === 0) return null;
  if (month > 12 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw protocolError(`Invalid date-time ${year}-${month}-${day} ${hour}:${minute}:${second}`, { offset });
  }
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/** Encodes hour ‖ minute. */
export function encodeTimeOfDay(time: TimeOfDay): Uint8Array {
  if (!Number.isInteger(time.hour) || time.hour < 0 || time.hour > 23 || !Number.isInteger(time.minute) || time.minute < 0 || time.minute > 59) {
    throw new CodedError('codes.invalid_window', `Invalid time of day ${time.hour}:${time.minute}`, { field: 'timeOfDay' });
  }
  return Uint8Array.of(time.hour, time.minute);
}

/** Decodes hour ‖ minute at `offset`. */
export function decodeTimeOfDay(bytes: Uint8Array, offset = 0): TimeOfDay {
  const r = new ByteReader(bytes, offset);
  const time = { hour: r.u8(), minute: r.u8() };
  if (time.hour > 23 || time.minute > 59) throw protocolError(`Invalid time of day ${time.hour}:${time.minute}`, { offset });
  return time;
}

/** The weekday bitmask for `days`. An empty list is refused: the wire has no "never" (0 means every day). */
export function encodeWeekdays(days: readonly Weekday[]): number {
  if (days.length === 0) throw new CodedError('codes.invalid_window', 'At least one weekday is needed', { field: 'weekdays' });
  return days.reduce((mask, day) => mask | (1 << (6 - WEEKDAYS.indexOf(day))), 0);
}

/** The days a weekday bitmask allows, Monday first; 0 (and 0x7F) → all seven. Bit 7 is ignored. */
export function decodeWeekdays(mask: number): Weekday[] {
  if ((mask & 0x7f) === 0) return [...WEEKDAYS];
  return WEEKDAYS.filter((_day, i) => (mask & (1 << (6 - i))) !== 0);
}

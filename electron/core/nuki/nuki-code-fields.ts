import type { CodePut, CodeWindow, SlotReading } from '../ports/lock-port';
import { MIDNIGHT, WEEKDAYS } from './protocol/date-codec';
import type { KeypadCodeEntry, KeypadCodeSchedule, NewKeypadCode } from './protocol/keypad-codes-codec';

/**
 * What a put becomes on a Nuki lock and how a listed keypad code is judged against it (nuki-ble.md §4–§6):
 *   name      at most 20 bytes of UTF-8, cut between characters (never inside one)
 *   window    time-limited: allowedFrom / allowedUntil = startsAt / endsAt in UTC (whole seconds), every weekday,
 *             the whole day (00:00–00:00 in the lock's local time) — so the lock's time zone cannot move the window
 *   no window not time-limited
 */

/** Bytes a keypad code's name may take on the wire. */
export const NAME_BYTES = 20;

const utf8 = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The name as the lock can keep it: NULs removed (the wire ends a name at the first one), then cut to whole characters
 * (grapheme clusters, so an accent or an emoji sequence is kept whole or left out) that fit in `maxBytes` of UTF-8.
 */
export function fitKeypadName(name: string, maxBytes = NAME_BYTES): string {
  const clean = name.replaceAll('\0', '');
  if (utf8.encode(clean).length <= maxBytes) return clean;
  let kept = '';
  for (const { segment } of graphemes.segment(clean)) {
    if (utf8.encode(kept + segment).length > maxBytes) break;
    kept += segment;
  }
  return kept;
}

/** An instant as the lock keeps it: whole seconds (the wire has no milliseconds). */
const toWholeSeconds = (iso: string): Date => new Date(Math.floor(Date.parse(iso) / 1000) * 1000);

/** The keypad schedule of a code window: its UTC dates, every day, all day. */
export function scheduleOfWindow(window: CodeWindow): KeypadCodeSchedule {
  return {
    allowedFrom: toWholeSeconds(window.startsAt),
    allowedUntil: toWholeSeconds(window.endsAt),
    weekdays: [...WEEKDAYS],
    fromTime: { ...MIDNIGHT },
    untilTime: { ...MIDNIGHT },
  };
}

/** The Add Keypad Code body for a put. */
export function newKeypadCodeFor(put: CodePut): NewKeypadCode {
  return { code: put.pin, name: fitKeypadName(put.name), schedule: put.window ? scheduleOfWindow(put.window) : null };
}

/** True when a listed code is exactly what `put` asked for: its PIN, its (fitted) name and its dates, enabled. */
export function isEntryOfPut(entry: KeypadCodeEntry, put: CodePut): boolean {
  const wanted = newKeypadCodeFor(put);
  return entry.enabled && entry.code === wanted.code && entry.name === wanted.name && isSameSchedule(entry.schedule, wanted.schedule);
}

function isSameSchedule(got: KeypadCodeSchedule | null, wanted: KeypadCodeSchedule | null): boolean {
  if (got === null || wanted === null) return got === wanted;
  const sameTime = (a: Date | null, b: Date | null): boolean => (a?.getTime() ?? null) === (b?.getTime() ?? null);
  return (
    sameTime(got.allowedFrom, wanted.allowedFrom) &&
    sameTime(got.allowedUntil, wanted.allowedUntil) &&
    got.weekdays.length === WEEKDAYS.length &&
    got.fromTime.hour * 60 + got.fromTime.minute === 0 &&
    got.untilTime.hour * 60 + got.untilTime.minute === 0
  );
}

/** A listed code as the lock port reads places: its id is its slot, and Nuki PINs are readable. */
export function slotReadingOf(entry: KeypadCodeEntry): SlotReading {
  return { slot: entry.codeId, status: entry.enabled ? 'enabled' : 'disabled', code: entry.code };
}

import type { BulkPreview, BulkPreviewDoor, BulkPreviewLine } from '../../../shared/domain/bulk';
import { checkPin } from '../../../shared/codes/pin-rules';
import { generatePin } from '../../../shared/codes/pin-generator';
import { usableSlotCount } from '../../../shared/codes/slot-choice';
import { formatOffset, zoneOffsetMinutes } from '../../../shared/capability/time-zone';
import type { DoorRules } from '../codes/door-rules';
import { isActive } from '../records/code-records';
import type { SiteCodesData } from '../store/store-v2';
import type { AdmittedLine, DoorContext } from './bulk-admission';
import type { PlannedCode } from './bulk-plan';

/** Tries per generated code before giving up on one PIN for all its doors (each door then gets its own). */
const PIN_TRIES = 40;

/**
 * Chooses the PIN of each code to be generated, ONE PIN for all the doors it goes on (a master code is the same on
 * every door): drawn from one door's rules and kept when every other door's lock would take it too.
 */
export function choosePins(planned: readonly PlannedCode[], contexts: ReadonlyMap<string, DoorContext>, rules: DoorRules, data: Readonly<SiteCodesData>, typed: ReadonlyArray<string | null>): Array<string | null> {
  const pins = [...typed];
  const used = new Set(typed.filter((p): p is string => p !== null));
  pins.forEach((pin, index) => {
    if (pin !== null) return;
    const doors = planned.filter((p) => p.index === index).flatMap((p) => {
      const ctx = contexts.get(p.door.id);
      return ctx?.profile ? [{ door: p.door, rules: rules.rulesFor(p.door, ctx.profile, data.accessCodes) }] : [];
    });
    for (let attempt = 0; attempt < PIN_TRIES && doors.length > 0; attempt++) {
      let candidate: string;
      try {
        candidate = generatePin(doors[attempt % doors.length]!.rules);
      } catch {
        continue;
      }
      if (used.has(candidate) || !doors.every((d) => checkPin(candidate, d.rules, { isGenerated: true }).ok)) continue;
      pins[index] = candidate;
      used.add(candidate);
      return;
    }
  });
  return pins;
}

/** Free code places on a door's lock before the plan: its usable places less those in use or waiting for one. */
function freePlaces(ctx: DoorContext, rules: DoorRules, data: Readonly<SiteCodesData>): number | null {
  if (!ctx.profile) return null;
  const { takenSlots } = rules.rulesFor(ctx.door, ctx.profile, data.accessCodes);
  const waiting = data.accessCodes.filter((c) => c.door_id === ctx.door.id && isActive(c) && c.slot === null && c.scheduled_by !== 'cloud').length;
  return Math.max(0, usableSlotCount(ctx.profile) - takenSlots.size - waiting);
}

/** What an installer should read about a door before the run, in words. */
function notesFor(ctx: DoorContext, lines: readonly BulkPreviewLine[], now: Date): string[] {
  const notes: string[] = [];
  const ready = lines.filter((l) => l.verdict === 'ready');
  if (ctx.profile && !ctx.isConnected) notes.push('The lock is not answering now: its codes wait in the queue and go on when it answers.');
  if (ctx.profile?.isBatteryLow) notes.push(`The lock's battery is low${ctx.profile.batteryLevel === null ? '' : ` (${ctx.profile.batteryLevel} %)`}: codes may be slow to set; replace it before you leave.`);
  const count = (by: string) => ready.filter((l) => l.scheduled_by === by).length;
  if (count('lock') > 0) notes.push(`The lock switches ${count('lock')} time-bound code(s) on and off itself (each is loaded up to 72 h before its start).`);
  if (count('lockbench') > 0) notes.push(`Lockbench switches ${count('lockbench')} time-bound code(s) on and off: this laptop must reach the lock at each start and end.`);
  if (count('cloud') > 0) notes.push(`The cloud switches ${count('cloud')} time-bound code(s) on and off; nothing is sent to the lock from here.`);
  if (lines.some((l) => l.starts_at !== null)) notes.push(`Windows are in the site's time zone, ${ctx.zone} (${formatOffset(zoneOffsetMinutes(ctx.zone, now))} now).`);
  return notes;
}

/** The preview, per door in the plan's order, from the plan admitted on a copy of the site's data. */
export function buildPreview(admitted: readonly AdmittedLine[], doors: readonly DoorContext[], pins: ReadonlyArray<string | null>, rules: DoorRules, data: Readonly<SiteCodesData>, now: Date): BulkPreview {
  const perDoor: BulkPreviewDoor[] = doors.map((ctx) => {
    const lines = admitted.filter((a) => a.planned.door.id === ctx.door.id).map((a) => a.line);
    return {
      door_id: ctx.door.id,
      door_name: ctx.door.name,
      protocol: ctx.door.lockAddress.protocol,
      is_connected: ctx.isConnected,
      free_places: freePlaces(ctx, rules, data),
      lines,
      notes: notesFor(ctx, lines, now),
    };
  });
  const ready = admitted.filter((a) => a.line.verdict === 'ready').length;
  return { pins: [...pins], doors: perDoor, totals: { ready, not_ready: admitted.length - ready } };
}

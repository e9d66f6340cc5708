import type { AccessCodeStatus, CodeProof } from '../../../shared/domain/access-code';
import type { Verdict } from '../../../shared/domain/capability';
import type { DoorGroup } from '../../../shared/domain/door-placement';
import type { ReportCode, ReportDoor } from '../../../shared/domain/report';
import { reportTime } from './report-time';

/** The words the commissioning report's PDF uses for stored values, in one place. */

/** A code's status as the installer says it. */
export const STATUS_WORDS: Record<AccessCodeStatus, string> = {
  unset: 'Not on the lock',
  setting: 'Being put on',
  set: 'On the lock',
  removing: 'Being removed',
};

/** How the lock proved it holds a code. */
export const PROOF_WORDS: Record<CodeProof, string> = {
  read_back: 'Read back',
  checksum: 'Checksum',
  slot_status: 'Slot status',
  list: 'Code list',
};

/** Pass / warn / fail. */
export const VERDICT_WORDS: Record<Verdict, string> = { pass: 'Pass', warn: 'Warning', fail: 'Fail' };

/** Where a door belongs in the building. */
export const GROUP_WORDS: Record<DoorGroup, string> = { common: 'Common area', flat: 'Flat', service: 'Service' };

/** What was decided about a code found on the lock. */
export const DECISION_WORDS: Record<'adopted' | 'cleared' | 'left', string> = {
  adopted: 'Adopted (now managed)',
  cleared: 'Cleared from the lock',
  left: 'Left on the lock',
};

/** A code's kind and window: "Ongoing", or "From 1 Dec 2026, 15:00 CET until 3 Dec 2026, 11:00 CET (by the lock)". */
export function kindWords(code: Pick<ReportCode, 'type' | 'starts_at' | 'ends_at' | 'scheduled_by'>, zone: string): string {
  if (code.type === 'ongoing') return 'Ongoing';
  const from = code.starts_at ? reportTime(code.starts_at, zone) : 'now';
  const until = code.ends_at ? reportTime(code.ends_at, zone) : 'no end';
  const by = code.scheduled_by ? ` (switched by ${code.scheduled_by === 'lock' ? 'the lock' : code.scheduled_by === 'cloud' ? 'the cloud' : 'Lockbench'})` : '';
  return `From ${from} until ${until}${by}`;
}

/** The lock's protocol and address: "Z-Wave node 5", "Nuki (Bluetooth) 54:D2:…". */
export function reachedWords(door: Pick<ReportDoor, 'protocol' | 'address'>): string {
  return door.protocol === 'zwave' ? `Z-Wave node ${door.address}` : `Nuki (Bluetooth) ${door.address}`;
}

/** Floor, group and unit in one line; "Place not set" when none is known. */
export function placeWords(door: Pick<ReportDoor, 'floor' | 'group' | 'unit'>): string {
  const parts = [door.floor === null ? null : `Floor ${door.floor}`, door.group === null ? null : GROUP_WORDS[door.group], door.unit === null ? null : `Unit ${door.unit}`];
  const known = parts.filter((p): p is string => p !== null);
  return known.length > 0 ? known.join(' · ') : 'Place not set';
}

import type { AccessCode, CodeVersion } from '../../../shared/domain/access-code';
import type { CloudDeviceFacts, CloudForeignCode, CodeConflict, LinkSuggestion } from '../../../shared/domain/cloud';
import type { DoorView } from '../../../shared/domain/door';
import { wordsForIssue } from './error-words';
import { windowWords } from './schedule-words';
import { formatSiteMoment, formatSiteNear } from './site-time';
import type { CodeIssueView, Tone } from './status-words';
import { differingFields, versionOf } from '../../../shared/codes/code-version';

/**
 * Codes, doors and devices in the cloud, in words: a code's cloud line, codes made in the cloud, a door's link, the
 * devices offered in the link wizard, and the two versions of a conflict.
 *
 *   removed in the cloud → conflict → not in the cloud yet → local change not sent (waiting) → the cloud's status
 */

/** Where a linked code stands in the cloud (data-state of its line). */
export type CodeCloudState = 'removed' | 'conflict' | 'not_in_cloud' | 'waiting' | 'set' | 'setting' | 'unset' | 'removing' | 'no_status';

/** A linked code's cloud line: "Cloud: set (as of 14:02)", with the cloud's first error or warning in words. */
export interface CodeCloudLine {
  state: CodeCloudState;
  tone: Tone;
  text: string;
  issue: (CodeIssueView & { tone: Tone }) | null;
}

const LINE: Record<CodeCloudState, { tone: Tone; text: string }> = {
  removed: { tone: 'warn', text: 'removed in the cloud' },
  conflict: { tone: 'warn', text: 'changed here and in the cloud – choose which version to keep under Cloud sync' },
  not_in_cloud: { tone: 'idle', text: 'not yet in the cloud' },
  waiting: { tone: 'pending', text: 'waiting to sync' },
  set: { tone: 'ok', text: 'set' },
  setting: { tone: 'pending', text: 'setting…' },
  unset: { tone: 'idle', text: 'not set on the lock yet' },
  removing: { tone: 'pending', text: 'removing…' },
  no_status: { tone: 'pending', text: 'created, waiting for its status' },
};

/** Where a code stands in the cloud; null for a code with no cloud life (its door is not linked). */
export function codeCloudState(code: Pick<AccessCode, 'cloud' | 'name' | 'code' | 'starts_at' | 'ends_at'>): CodeCloudState | null {
  const cloud = code.cloud;
  if (!cloud) return null;
  if (cloud.removed_in_cloud) return 'removed';
  if (cloud.conflict) return 'conflict';
  if (!cloud.access_code_id) return 'not_in_cloud';
  if (cloud.base && differingFields(versionOf(code), cloud.base).length > 0) return 'waiting';
  return cloud.status ?? 'no_status';
}

/** A linked code's cloud line, or null when the code has no cloud life. `zone` and `now` word the last confirmation. */
export function codeCloudLine(code: AccessCode, zone: string, now: Date): CodeCloudLine | null {
  const state = codeCloudState(code);
  if (!state || !code.cloud) return null;
  const { tone, text } = LINE[state];
  const asOf = code.cloud.synced_at && ['set', 'setting', 'unset', 'removing'].includes(state) ? ` (as of ${formatSiteNear(code.cloud.synced_at, zone, now)})` : '';
  const error = code.cloud.errors[0];
  const warning = code.cloud.warnings[0];
  const found = error ?? warning;
  const issue = found ? { ...wordsForIssue(found), code: found.error_code, message: found.message, tone: (error ? 'fail' : 'warn') as Tone } : null;
  return { state, tone: issue?.tone === 'fail' ? 'fail' : tone, text: `Cloud: ${text}${asOf}`, issue };
}

/** The cloud's status of a code, in words ("set" → "Set in the cloud"); an unknown status is shown as the cloud says it. */
export function cloudStatusWords(status: string): string {
  const known: Record<string, string> = {
    set: 'Set',
    setting: 'Setting…',
    unset: 'Not set yet',
    removing: 'Removing…',
    unknown: 'Unknown to the cloud',
  };
  return known[status] ?? status;
}

/** A code made in the cloud (not by Lockbench), as its row shows it. No PIN: Lockbench does not keep one. */
export function foreignCodeView(code: CloudForeignCode, zone: string) {
  return {
    name: code.name ?? 'Unnamed code',
    type: code.type === 'ongoing' ? 'Ongoing' : 'Time-bound',
    window: windowWords(code, zone) ?? 'No end',
    status: cloudStatusWords(code.status),
    managed: code.is_managed ? null : 'Unmanaged in the cloud',
  };
}

/** Why the link wizard suggested a device for a door. */
export const linkReasonWords: Record<LinkSuggestion['reason'], string> = {
  serial: 'matched by serial number',
  name: 'matched by name',
  model: 'matched by model',
};

/** "Kitchen lock (August Smart Lock Pro, serial A1B2) – offline": a device in the link wizard's choices. */
export function deviceLabel(device: Pick<CloudDeviceFacts, 'name' | 'manufacturer' | 'model' | 'serial_number' | 'online'>): string {
  const make = [device.manufacturer, device.model].filter(Boolean).join(' ');
  const facts = [make, device.serial_number ? `serial ${device.serial_number}` : ''].filter(Boolean).join(', ');
  return `${device.name}${facts ? ` (${facts})` : ''}${device.online ? '' : ' – offline'}`;
}

/** "Linked to cloud device Kitchen lock" / "Not linked to the cloud"; the device's id when its facts are unknown. */
export function doorLinkWords(door: Pick<DoorView, 'cloud'>, devices: ReadonlyArray<Pick<CloudDeviceFacts, 'device_id' | 'name'>> = []): string {
  if (!door.cloud) return 'Not linked to the cloud';
  const name = door.cloud.facts?.name ?? devices.find((d) => d.device_id === door.cloud?.device_id)?.name ?? door.cloud.device_id;
  return `Linked to cloud device ${name}`;
}

/** One line of a conflict's table: the field, both versions in words, and whether they differ. */
export interface ConflictRow {
  field: keyof CodeVersion;
  label: string;
  laptop: string;
  cloud: string;
  differs: boolean;
}

const FIELD_LABELS: Record<keyof CodeVersion, string> = { name: 'Name', code: 'PIN', starts_at: 'Starts', ends_at: 'Ends' };

/** Both versions of a conflicted code, field by field, times in `zone` (the door's site). */
export function conflictRows(conflict: Pick<CodeConflict, 'laptop' | 'cloud'>, zone: string): ConflictRow[] {
  const differs = differingFields(conflict.laptop, conflict.cloud);
  const words = (version: CodeVersion, field: keyof CodeVersion): string => {
    if (field === 'name') return version.name ?? 'No name';
    if (field === 'code') return version.code;
    const at = version[field];
    if (at) return formatSiteMoment(at, zone);
    return field === 'starts_at' ? 'No start (ongoing)' : 'No end';
  };
  return (Object.keys(FIELD_LABELS) as Array<keyof CodeVersion>).map((field) => ({
    field,
    label: FIELD_LABELS[field],
    laptop: words(conflict.laptop, field),
    cloud: words(conflict.cloud, field),
    differs: differs.includes(field),
  }));
}

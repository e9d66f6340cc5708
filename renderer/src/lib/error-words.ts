import type { AccessCodeErrorCode, AccessCodeIssue, AccessCodeWarningCode } from '../../../shared/domain/access-code';
import type { ErrorCode } from '../../../shared/error-codes';
import type { AppError } from '../../../shared/result';

/**
 * The one place that turns stable codes into words for an installer in a hurry: what happened, and what to do next.
 * Covers every app ErrorCode, every Seam access-code error and warning, and the PIN rules named in `details.rule`.
 */

/** What happened (short, for a heading) and what to do next (one sentence). */
export interface Words {
  title: string;
  next: string;
}

/** Words for every app error code. */
export const errorWords: Record<ErrorCode, Words> = {
  'ipc.invalid_request': { title: 'Lockbench refused that request', next: 'Reload the window and try again. If it keeps happening, report it.' },
  'ipc.unknown_channel': { title: 'This screen and Lockbench do not match', next: 'Restart Lockbench so both parts are the same version.' },
  'ipc.forbidden': { title: 'Access refused', next: 'Open the address printed by `npm start` again; it contains a fresh access token.' },
  'ipc.busy': { title: 'Lockbench is busy with many requests', next: 'Wait a moment and try again; nothing was changed.' },
  'ipc.internal': { title: 'Something went wrong inside Lockbench', next: 'Try again. If it repeats, restart Lockbench; nothing saved is lost.' },
  'transport.list_failed': { title: 'Could not list the USB ports', next: 'Type the stick’s port yourself, e.g. /dev/ttyACM0 or COM3.' },
  'transport.port_not_found': { title: 'No stick on that port', next: 'Check the Z-Wave stick is plugged in, then pick its port again.' },
  'transport.open_failed': { title: 'Could not open the Z-Wave stick', next: 'Unplug the stick, plug it back in, close other apps using it, then try again.' },
  'transport.disconnected': { title: 'Connection lost', next: 'Check the stick is still plugged in. Lockbench reconnects by itself; then try again.' },
  'lock.not_ready': { title: 'The lock is still being read', next: 'Wait until its door shows ready, then try again.' },
  'lock.no_answer': { title: 'The lock is not answering', next: 'Wake the lock (press a key on the keypad), move closer, then try again.' },
  'lock.connection_lost': { title: 'The connection to the lock dropped', next: 'Stay near the lock and try again; Lockbench reads the lock before sending anything twice.' },
  'lock.not_sent': { title: 'The stick refused the message', next: 'Wait a few seconds and try again; if it repeats, re-plug the stick.' },
  'lock.offline': { title: 'The lock is not answering', next: 'Check the lock’s batteries and that it is in range; Lockbench keeps trying and sends what waits once it answers.' },
  'lock.not_found': { title: 'This lock is not on this connection', next: 'Include or pair the lock on this site first, then reconnect it.' },
  'lock.unsupported': { title: 'The lock cannot do this', next: 'Run the capability check to see what this lock supports.' },
  'lock.not_paired': { title: 'The lock does not know Lockbench', next: 'Pair the lock again: hold its button until the ring lights, then run the pairing.' },
  'lock.bad_security_pin': { title: 'The lock refused its security PIN', next: 'Type the lock’s security PIN (the admin PIN set in the Nuki app) again; after several wrong tries the lock waits before it accepts more.' },
  'lock.not_pairing': { title: 'The lock is not in pairing mode', next: 'Hold the lock’s button about 5 seconds until its light ring stays lit, then try again.' },
  'lock.pairing_refused': { title: 'The lock refused the pairing', next: 'Put the lock in pairing mode again and retry; if it has too many users, remove one in the Nuki app.' },
  'lock.code_refused': { title: 'The lock refused this code', next: 'Choose another PIN that follows the lock’s rules.' },
  'lock.duplicate_code': { title: 'The lock already has this PIN', next: 'Choose another PIN: each PIN can be on a lock only once.' },
  'lock.full': { title: 'The lock’s code memory is full', next: 'Remove a code from this lock first, then try again.' },
  'lock.busy': { title: 'The lock is busy', next: 'Wait a few seconds and try again.' },
  'lock.protocol_error': { title: 'The lock did not understand a message', next: 'Try again; Lockbench reads the lock before sending anything twice.' },
  'lock.failed': { title: 'The lock command failed', next: 'Try again. If it repeats, wake the lock and check its batteries.' },
  'ble.unavailable': { title: 'Bluetooth cannot be used on this computer', next: 'Follow the line shown with it (turn Bluetooth on, allow Lockbench, or plug in an adapter); everything else keeps working.' },
  'store.corrupt': { title: 'The local data file is damaged', next: 'Do not delete anything. Restart Lockbench; it keeps a backup copy.' },
  'store.write_failed': { title: 'Could not save on this laptop', next: 'Free some disk space, then try again. Nothing was sent to the lock.' },
  'store.locked': { title: 'Lockbench is already open on this data folder', next: 'Use the Lockbench window that is already open, or close it first.' },
  'secrets.unavailable': { title: 'This laptop’s keychain is not usable', next: 'Unlock or set up the system keychain, then start Lockbench again.' },
  'site.not_found': { title: 'This site no longer exists', next: 'Pick another site or connect it again.' },
  'site.not_connected': { title: 'The site is not connected', next: 'Reconnect the site’s stick, then try again.' },
  'site.not_demo': { title: 'Only the demo site can do that', next: 'Switch to the demo site to simulate faults; real locks are left alone.' },
  'door.not_found': { title: 'This door no longer exists', next: 'Pick the door again from the list.' },
  'door.not_connected': { title: 'The lock is not answering: its site is not connected', next: 'Reconnect the site (Add or reconnect a site); codes typed in are kept and sent when it is back.' },
  'codes.not_found': { title: 'This code no longer exists', next: 'The list will refresh; check the door’s codes again.' },
  'codes.constraint_violated': { title: 'The lock will not take this PIN', next: 'Change the PIN to follow the lock’s rule named here, or press Generate.' },
  'codes.duplicate_pin': { title: 'This PIN is already on this lock', next: 'Choose another PIN or press Generate.' },
  'codes.no_free_slot': { title: 'The lock is full', next: 'Remove a code you no longer need, then add this one.' },
  'codes.unsupported': { title: 'This lock does not take access codes', next: 'Run the capability check; the lock may need a different module or a firmware update.' },
  'codes.busy': { title: 'The lock is busy with another change', next: 'Wait for the current change to finish, then try again.' },
  'codes.needs_confirmation': { title: 'Lockbench must switch this code on and off', next: 'Confirm that this laptop will reach the lock at the start and at the end, or pick a door whose lock schedules codes itself.' },
  'codes.lock_clock_mismatch': { title: 'The lock’s clock is not on the site’s time', next: 'Press “Set the lock’s clock” (here or in the capability check), then save the code again.' },
  'demo.clock_disabled': { title: 'The demo clock is not enabled', next: 'Start Lockbench with --demo-clock to move time forward in the demo.' },
  'codes.invalid_window': { title: 'The start and end times do not work', next: 'Check the dates: the end must be after the start and still to come.' },
  'queue.not_found': { title: 'This change is no longer in the queue', next: 'It has finished or was cancelled; the list is up to date now.' },
  'queue.not_allowed': { title: 'This change cannot be changed right now', next: 'Wait for the lock to finish, then try again.' },
  'bulk.not_found': { title: 'This bulk run is no longer here', next: 'The list of runs is up to date now.' },
  'bulk.not_allowed': { title: 'The run cannot do that now', next: 'A cancelled run stays cancelled; start a new run for what is left.' },
  'bulk.nothing_to_do': { title: 'None of these codes can go on these doors', next: 'The preview says why on each door; change the codes or the doors.' },
  'csv.unreadable': { title: 'This file cannot be read as a CSV of codes', next: 'Save it as CSV (comma or semicolon) with a header row: unit, name, pin, kind, starts, ends.' },
  'report.failed': { title: 'The report could not be produced', next: 'Try again; if it fails again, save the codes export instead.' },
  'app.not_supported': { title: 'Not available here', next: 'This Lockbench was started without what this needs (the demo site); start it with its demo.' },
  'app.link_refused': { title: 'Link not opened', next: 'Lockbench opens only https web pages.' },
  'sync.failed': { title: 'Could not sync with the cloud', next: 'Nothing is lost: changes stay on this laptop and sync when it is online again.' },
  'sync.no_account': { title: 'No cloud account is set', next: 'Add a Seam API key (or use the demo cloud) under Cloud sync.' },
  'sync.unauthorized': { title: 'The cloud refused the key', next: 'Check the API key or token in Cloud sync; nothing waiting for the cloud was dropped.' },
  'sync.offline': { title: 'The cloud cannot be reached', next: 'Work goes on offline; it syncs by itself when the laptop is online again.' },
  'sync.server_error': { title: 'The cloud had a problem', next: 'Lockbench tries again by itself, waiting a little longer each time.' },
  'sync.rejected': { title: 'The cloud refused this change', next: "Read the cloud's message on the code, change the code, and sync again." },
  'sync.duplicate': { title: 'The cloud already has this PIN on this lock, under another code', next: 'Remove that code in the cloud, or remove this one here and add it again with another PIN.' },
  'sync.not_found': { title: 'The cloud does not know this device or code', next: 'Check the door\'s link under Cloud sync.' },
  'sync.secret_unavailable': { title: 'The keychain could not be used', next: 'Unlock the system keychain, then set the cloud account again.' },
  'sync.no_conflict': { title: 'There is nothing to choose for this code', next: 'The conflict was already settled; the list is up to date now.' },
};

/** Words for every Seam error and warning that can sit on an access code. */
export const accessCodeIssueWords: Record<AccessCodeErrorCode | AccessCodeWarningCode, Words> = {
  failed_to_set_on_device: { title: 'The lock did not take this code', next: 'Wake the lock and check its batteries; Lockbench retries, or remove the code and add it again.' },
  failed_to_remove_from_device: { title: 'The lock did not remove this code', next: 'The code may still open the door. Wake the lock and press Remove again.' },
  duplicate_code_on_device: { title: 'This PIN is already on the lock', next: 'Remove this code and add it again with another PIN.' },
  no_space_for_access_code_on_device: { title: 'The lock has no free code slot', next: 'Remove a code you no longer need, then add this one again.' },
  code_constraints_violated: { title: 'The lock refused this PIN', next: 'Remove this code and add it again with a PIN that follows the lock’s rules.' },
  delay_in_setting_on_device: { title: 'Still waiting for the lock to confirm', next: 'Keep the laptop near the lock; wake it by pressing a key.' },
  delay_in_removing_from_device: { title: 'May still be on the lock', next: 'Lockbench removes it as soon as the lock answers: connect and keep this laptop near the lock (press a key to wake it).' },
};

/** The PIN rules a refused PIN may name in `details.rule`, in words (Lockbench's rules and Seam's constraint types). */
export const pinRuleWords: Record<string, string> = {
  supported_code_lengths: 'Length: the PIN must have a length this lock accepts.',
  allowed_characters: 'Characters: this lock only takes the characters shown below.',
  duplicate_code_on_device: 'Unique: the PIN may not repeat a code already on this lock.',
  max_active_codes_supported: 'Slots: the lock holds no more codes.',
  no_zeros: 'No zeros: the PIN may not contain 0.',
  cannot_start_with_12: 'The PIN may not start with 12.',
  no_triple_consecutive_ints: 'No three digits in a row counting up or down (like 123).',
  cannot_specify_pin_code: 'This lock makes its own PINs: leave the PIN empty and press Generate.',
  pin_code_matches_existing_set: 'The PIN must match an existing set of codes on this lock.',
  start_date_in_future: 'The start must be in the future.',
  no_ascending_or_descending_sequence: 'No counting sequence (like 1234 or 9876).',
  at_least_three_unique_digits: 'Use at least three different digits.',
  no_all_same_digits: 'Not all the same digit (like 1111).',
  unique_first_four_digits: 'The first four digits must differ from every other code’s.',
  cannot_contain_089: 'May not contain 0, 8 or 9.',
  cannot_contain_0789: 'May not contain 0, 7, 8 or 9.',
  name_length: 'The name is too long or too short for this lock.',
  name_must_be_unique: 'Another code on this lock already has this name.',
};

/** Words for an app error; unknown codes (never expected) fall back to the generic internal words. */
export function wordsForError(error: Pick<AppError, 'code'>): Words {
  return errorWords[error.code] ?? errorWords['ipc.internal'];
}

/** The broken PIN rule in words, or null when the error names no rule. Unknown rules fall back to the message. */
export function ruleWordsFor(error: AppError): string | null {
  const rule = error.details?.rule;
  if (typeof rule !== 'string') return null;
  return pinRuleWords[rule] ?? error.message;
}

/** Words for a queued change's last failure: an app error code, a Seam code error, or a failure that can pass. */
export function wordsForQueueError(error: { code: string; message: string }): Words {
  const known = (errorWords as Record<string, Words>)[error.code] ?? (accessCodeIssueWords as Record<string, Words>)[error.code];
  if (known) return known;
  if (error.code === 'transient') return { title: 'The last try did not get through', next: 'Lockbench tries again by itself; keep this laptop near the lock.' };
  return { title: 'The last try failed', next: 'Retry now, or cancel the change.' };
}

/** Words for an error or warning on a code; a code Lockbench does not know keeps the lock's own message. */
export function wordsForIssue(issue: Pick<AccessCodeIssue, 'error_code' | 'message'>): Words {
  const known = (accessCodeIssueWords as Record<string, Words>)[issue.error_code];
  return known ?? { title: issue.message, next: 'Try again; if it repeats, remove the code and add it again.' };
}

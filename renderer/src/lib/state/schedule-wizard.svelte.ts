import type { LockbenchBridge } from '../../../../shared/bridge';
import type { DoorView } from '../../../../shared/domain/door';
import type { LockProfile } from '../../../../shared/domain/lock';
import type { ErrorCode } from '../../../../shared/error-codes';
import type { AppError } from '../../../../shared/result';
import { checkWindow, isStartingNow } from '../../../../shared/time';
import { describeSchedule, lockClockCheck, type LockClockCheck, type ScheduleSummary } from '../schedule-words';
import { addDays, siteInstant, siteLocalAt, zoneWithOffset, type LocalToInstantResult } from '../site-time';
import { systemClock, type Clock } from '../clock';
import type { DoorCodes } from './door-codes.svelte';

/** Ongoing (resident: no end) or time-bound (guest, service visit: a window at the property). */
export type CodeKind = 'ongoing' | 'time_bound';

/** Steps of a time-bound code: name, PIN and window → what will happen (the lock's clock, who switches it) → save. */
export type ScheduleStep = 'details' | 'summary';

/** The window as typed, in the SITE's wall time. */
export interface WindowFields {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

/** Refusals that are about what was typed on the details step: saving sends the installer back there. */
const DETAIL_ERRORS: ReadonlySet<ErrorCode> = new Set(['codes.constraint_violated', 'codes.duplicate_pin', 'codes.invalid_window', 'ipc.invalid_request']);

/** What the wizard needs besides the door's codes: the app's clock, and the bridge to set the lock's clock from the preview. */
export interface ScheduleWizardOptions {
  clock?: Clock;
  bridge?: LockbenchBridge;
  /** A door changed by a request of this wizard (its lock's clock set): same as its doors.changed event. */
  onDoorChanged?: (door: DoorView) => void;
}

/** The fresher of two reads of the same lock (by `readAt`; the second wins a tie, being the answer to our own request). */
export function fresherLock(door: LockProfile | null, answered: LockProfile | null): LockProfile | null {
  if (!answered) return door;
  if (!door) return answered;
  return (door.readAt ?? '') > (answered.readAt ?? '') ? door : answered;
}

/**
 * Step logic of "add a code": the ongoing / time-bound choice, the window typed in the site's time zone, the summary in
 * words, the lock's clock checked BEFORE Save (with "Set the lock's clock" right there), and the confirmation a lock
 * without native scheduling needs (`confirmLockbenchScheduling`: Lockbench switches it, so this laptop must reach the
 * lock at the start and end). Name and PIN live in DoorCodes (shared with the ongoing form, so switching kinds keeps
 * them); so does the refusal from main.
 */
export class ScheduleWizard {
  readonly #codes: DoorCodes;
  readonly #getZone: () => string;
  readonly #clock: Clock;
  readonly #bridge: LockbenchBridge | null;
  readonly #onDoorChanged: (door: DoorView) => void;
  /** The lock as main answered doors.setClock (until a fresher read arrives with the door). */
  #lockAfterSetClock = $state<LockProfile | null>(null);

  kind = $state<CodeKind>('ongoing');
  step = $state<ScheduleStep>('details');
  window = $state<WindowFields>({ startDate: '', startTime: '15:00', endDate: '', endTime: '11:00' });
  /** The installer confirmed that Lockbench switches the code on and off, so this laptop must reach the lock then. */
  confirmLockbench = $state(false);
  /** doors.setClock is on its way (from the preview). */
  isSettingClock = $state(false);
  clockError = $state<AppError | null>(null);
  /** The clock the window is judged against; refreshed on each step change and save. */
  now = $state<Date>(systemClock());

  readonly zone = $derived(this.#zone());
  /** "Europe/Berlin (UTC+1)". */
  readonly zoneLabel = $derived(zoneWithOffset(this.zone, this.now));
  readonly start: LocalToInstantResult = $derived(siteInstant({ date: this.window.startDate, time: this.window.startTime }, this.zone));
  readonly end: LocalToInstantResult = $derived(siteInstant({ date: this.window.endDate, time: this.window.endTime }, this.zone));
  /** Everything wrong with the window, in words (empty when it can be saved). */
  readonly problems: string[] = $derived(this.#problems());
  /** Said beside an accepted time that happens twice (DST fall-back). */
  readonly notes: string[] = $derived([this.start, this.end].flatMap((r) => (r.ok && r.note ? [r.note.message] : [])));
  /** The door's lock as last read (the answer to "Set the lock's clock" counts until the door brings a fresher read). */
  readonly lock = $derived(fresherLock(this.codes.door?.lock ?? null, this.#lockAfterSetClock));
  readonly nativeScheduling = $derived(this.lock?.nativeScheduling ?? false);
  /** The lock's clock against the site's offset now (native scheduling only); null when all is well. */
  readonly clockCheck: LockClockCheck | null = $derived(lockClockCheck(this.lock, this.zone, this.now));
  /** Offer "Set the lock's clock" in the preview: the check found a problem, or main refused for it. */
  readonly canSetClock: boolean = $derived(this.#canSetClock());
  readonly summary: ScheduleSummary | null = $derived(this.#summary());
  /** True when the installer must tick the Lockbench confirmation (also after main refused with needs_confirmation). */
  readonly needsLockbenchConfirmation = $derived(
    (this.summary?.needsLockbenchConfirmation ?? false) || this.codes.formError?.code === 'codes.needs_confirmation',
  );
  readonly canAdvance = $derived(
    this.kind === 'time_bound' && this.step === 'details' && this.codes.pin.trim() !== '' && this.problems.length === 0,
  );
  readonly canSave = $derived(
    this.kind === 'time_bound' &&
      this.step === 'summary' &&
      this.summary !== null &&
      this.codes.canSave &&
      !this.isSettingClock &&
      !(this.clockCheck?.blocksSave ?? false) &&
      (!this.needsLockbenchConfirmation || this.confirmLockbench),
  );

  constructor(codes: DoorCodes, getZone: () => string, options: ScheduleWizardOptions = {}) {
    this.#codes = codes;
    this.#getZone = getZone;
    this.#clock = options.clock ?? systemClock;
    this.#bridge = options.bridge ?? null;
    this.#onDoorChanged = options.onDoorChanged ?? (() => {});
    this.now = this.#clock();
    this.#resetWindow();
  }

  /** Name, PIN, generate and the refusal from main (shared with the ongoing form). */
  get codes(): DoorCodes {
    return this.#codes;
  }

  /** Picks ongoing or time-bound; the name and PIN typed so far are kept. */
  chooseKind(kind: CodeKind): void {
    this.kind = kind;
    this.step = 'details';
  }

  /** Details → summary, when the PIN is there and the window works. */
  next(): void {
    this.now = this.#clock();
    if (!this.canAdvance) return;
    this.codes.formError = null;
    this.step = 'summary';
  }

  /** Summary → details, keeping everything typed. */
  back(): void {
    this.now = this.#clock();
    this.step = 'details';
  }

  /**
   * Sets the lock's clock to the app's now and its offset to the site's (doors.setClock), from the preview; the check
   * and the summary then follow the lock's new reading. A refusal stays beside the button.
   */
  async setLockClock(): Promise<boolean> {
    const doorId = this.codes.door?.id;
    if (!this.#bridge || !doorId || this.isSettingClock) return false;
    this.isSettingClock = true;
    this.clockError = null;
    const result = await this.#bridge.request('doors.setClock', { doorId });
    this.isSettingClock = false;
    this.now = this.#clock();
    if (!result.ok) {
      this.clockError = result.error;
      return false;
    }
    this.#lockAfterSetClock = result.value.lock;
    if (this.codes.formError?.code === 'codes.lock_clock_mismatch') this.codes.formError = null;
    this.#onDoorChanged(result.value);
    return true;
  }

  /** Uses the first valid time after a DST gap that main would refuse ("02:30 does not exist; 03:00 is next"). */
  useSuggestion(which: 'start' | 'end'): void {
    const result = which === 'start' ? this.start : this.end;
    if (result.ok || !result.suggestion) return;
    if (which === 'start') Object.assign(this.window, { startDate: result.suggestion.date, startTime: result.suggestion.time });
    else Object.assign(this.window, { endDate: result.suggestion.date, endTime: result.suggestion.time });
  }

  /** Saves the time-bound code. A refusal keeps everything typed; one about the PIN or window returns to details. */
  async save(): Promise<boolean> {
    this.now = this.#clock();
    if (!this.canSave) return false;
    const saved = await this.codes.save({
      window: {
        starts: { date: this.window.startDate, time: this.window.startTime },
        ends: { date: this.window.endDate, time: this.window.endTime },
      },
      ...(this.needsLockbenchConfirmation && this.confirmLockbench ? { confirmLockbenchScheduling: true } : {}),
    });
    if (saved) {
      this.step = 'details';
      this.confirmLockbench = false;
      this.#resetWindow();
    } else if (this.codes.formError && DETAIL_ERRORS.has(this.codes.formError.code)) {
      this.step = 'details';
    }
    return saved;
  }

  /** Tomorrow 15:00 → two days later 11:00 at the property: a typical check-in and check-out. */
  #resetWindow(): void {
    const today = siteLocalAt(this.now, this.zone).date;
    this.window = { startDate: addDays(today, 1), startTime: '15:00', endDate: addDays(today, 3), endTime: '11:00' };
  }

  #canSetClock(): boolean {
    return this.#bridge !== null && (this.clockCheck !== null || this.codes.formError?.code === 'codes.lock_clock_mismatch');
  }

  #zone(): string {
    return this.#getZone();
  }

  #problems(): string[] {
    const refusals = [this.start, this.end].flatMap((r, i) => (r.ok ? [] : [`${i === 0 ? 'Start' : 'End'}: ${r.message}`]));
    if (refusals.length > 0 || !this.start.ok || !this.end.ok) return refusals;
    // The same "starts now" rule as main: a start typed as the current time a moment ago is a code needed right away.
    const check = checkWindow({ startsAt: this.start.instant, endsAt: this.end.instant }, this.now, { startsNow: isStartingNow(this.start.instant, this.now) });
    return check.ok ? [] : check.problems.map((p) => p.message);
  }

  #summary(): ScheduleSummary | null {
    if (!this.start.ok || !this.end.ok || this.problems.length > 0) return null;
    return describeSchedule({
      startsAt: this.start.instant,
      endsAt: this.end.instant,
      nativeScheduling: this.nativeScheduling,
      zone: this.zone,
      now: this.now,
      doorName: this.codes.door?.name ?? 'this door',
      isLockClockOff: this.clockCheck?.blocksSave ?? false,
      cloudSchedules: this.codes.door?.cloud?.facts?.can_program_online_access_codes ?? false,
    });
  }
}

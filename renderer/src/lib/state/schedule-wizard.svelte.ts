import type { ErrorCode } from '../../../../shared/error-codes';
import { checkWindow } from '../../../../shared/time';
import { describeSchedule, type ScheduleSummary } from '../schedule-words';
import { addDays, siteInstant, siteLocalAt, zoneWithOffset, type LocalToInstantResult } from '../site-time';
import { systemClock, type Clock } from '../clock';
import type { DoorCodes } from './door-codes.svelte';

/** Ongoing (resident: no end) or time-bound (guest, service visit: a window at the property). */
export type CodeKind = 'ongoing' | 'time_bound';

/** Steps of a time-bound code: name, PIN and window → what will happen (and the cloud confirmation) → save. */
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

/**
 * Step logic of "add a code": the ongoing / time-bound choice, the window typed in the site's time zone, the summary in
 * words, and the confirmation a lock without native scheduling needs (`confirmLockbenchScheduling`). Name and PIN live in
 * DoorCodes (shared with the ongoing form, so switching kinds keeps them); so does the refusal from main.
 */
export class ScheduleWizard {
  readonly #codes: DoorCodes;
  readonly #getZone: () => string;
  readonly #clock: Clock;

  kind = $state<CodeKind>('ongoing');
  step = $state<ScheduleStep>('details');
  window = $state<WindowFields>({ startDate: '', startTime: '15:00', endDate: '', endTime: '11:00' });
  /** The installer confirmed that the cloud adds and removes the code (lock without native scheduling). */
  confirmCloud = $state(false);
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
  readonly nativeScheduling = $derived(this.codes.door?.lock?.nativeScheduling ?? false);
  readonly summary: ScheduleSummary | null = $derived(this.#summary());
  /** True when the installer must tick the cloud confirmation (also after main refused with needs_confirmation). */
  readonly needsCloudConfirmation = $derived(
    (this.summary?.needsCloudConfirmation ?? false) || this.codes.formError?.code === 'codes.needs_confirmation',
  );
  readonly canAdvance = $derived(
    this.kind === 'time_bound' && this.step === 'details' && this.codes.pin.trim() !== '' && this.problems.length === 0,
  );
  readonly canSave = $derived(
    this.kind === 'time_bound' &&
      this.step === 'summary' &&
      this.summary !== null &&
      this.codes.canSave &&
      (!this.needsCloudConfirmation || this.confirmCloud),
  );

  constructor(codes: DoorCodes, getZone: () => string, clock: Clock = systemClock) {
    this.#codes = codes;
    this.#getZone = getZone;
    this.#clock = clock;
    this.now = clock();
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
      ...(this.needsCloudConfirmation && this.confirmCloud ? { confirmLockbenchScheduling: true } : {}),
    });
    if (saved) {
      this.step = 'details';
      this.confirmCloud = false;
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

  #zone(): string {
    return this.#getZone();
  }

  #problems(): string[] {
    const refusals = [this.start, this.end].flatMap((r, i) => (r.ok ? [] : [`${i === 0 ? 'Start' : 'End'}: ${r.message}`]));
    if (refusals.length > 0 || !this.start.ok || !this.end.ok) return refusals;
    const check = checkWindow({ startsAt: this.start.instant, endsAt: this.end.instant }, this.now);
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
    });
  }
}

import { reportRequestSchema, type ReportRequest } from '../../../../shared/domain/report';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';
import type { FileSaver, SaveOutcome } from '../save-file';

/** Which doors go in the report: every door of the site, the doors the list shows (filtered), or the open door. */
export type ReportScope = 'all' | 'shown' | 'door';
/** Paper size of the PDF. */
export type Paper = ReportRequest['paper'];
/** PDF for people, CSV for systems. */
export type ReportFormat = ReportRequest['format'];

/** Where the installer's name is remembered for the next report. */
export const INSTALLER_NAME_KEY = 'lockbench.installerName';

/** The part of localStorage used (injected in tests; null when the page has none). */
export type NameStore = Pick<Storage, 'getItem' | 'setItem'>;

/** Letter where it is the norm (United States, Canada), A4 everywhere else. */
export function defaultPaper(locale: string | undefined): Paper {
  const region = locale ? /[-_]([A-Za-z]{2})(?:[-_]|$)/.exec(locale)?.[1]?.toUpperCase() : undefined;
  return region === 'US' || region === 'CA' ? 'letter' : 'a4';
}

/** What the dialog knows of the door list when it opens. */
export interface ReportDoors {
  /** Every door of the site. */
  total: () => number;
  /** The doors the list shows now, when a filter hides some; null when nothing is filtered. */
  shownIds: () => string[] | null;
  /** The door open on the right, if any. */
  openDoor: () => { id: string; name: string } | null;
}

const installerNameSchema = reportRequestSchema.shape.installerName;

function readName(store: NameStore | null): string {
  try {
    return store?.getItem(INSTALLER_NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * The commissioning report dialog: who hands it over (remembered for next time), which doors, paper, PDF or CSV, and
 * full PINs (off unless ticked). Save goes through the FileSaver (`report.save`): main's save dialog in the desktop
 * app, a download in the browser. What was chosen stays after a failure.
 */
export class ReportDialog {
  readonly #bridge: RendererBridge;
  readonly #saver: FileSaver;
  readonly #doors: ReportDoors;
  readonly #store: NameStore | null;
  /** The site the report is for. */
  readonly siteId: string;

  installerName = $state('');
  scope = $state<ReportScope>('all');
  paper = $state<Paper>('a4');
  format = $state<ReportFormat>('pdf');
  showPins = $state(false);
  isBuilding = $state(false);
  error = $state<AppError | null>(null);
  outcome = $state<SaveOutcome | null>(null);
  /** Save was pressed once: an empty name is now worth saying. */
  triedSave = $state(false);

  /** What is wrong with the typed name; null when it may be used. */
  readonly nameProblem = $derived(this.#nameProblem());
  /** The name problem once worth showing (something typed, or Save pressed). */
  readonly shownNameProblem = $derived(this.triedSave || this.installerName !== '' ? this.nameProblem : null);
  /** The chosen doors' ids; null = every door of the site. */
  readonly doorIds = $derived(this.#doorIds());
  readonly doorCount = $derived(this.doorIds?.length ?? this.#total());
  readonly canSave = $derived(this.nameProblem === null && !this.isBuilding && this.doorCount > 0);
  /** "Making the PDF for 24 doors…" while it is built; null otherwise. */
  readonly progress = $derived(
    this.isBuilding ? `Making the ${this.format.toUpperCase()} for ${this.doorCount} door${this.doorCount === 1 ? '' : 's'}…` : null,
  );

  constructor(bridge: RendererBridge, saver: FileSaver, siteId: string, doors: ReportDoors, store: NameStore | null = null, locale?: string) {
    this.#bridge = bridge;
    this.#saver = saver;
    this.siteId = siteId;
    this.#doors = doors;
    this.#store = store;
    this.installerName = readName(store);
    this.paper = defaultPaper(locale);
  }

  /** The choices of doors that make sense now: all, the filtered ones (when filtered), the open door (when one is). */
  scopeChoices(): Array<{ scope: ReportScope; label: string }> {
    const total = this.#doors.total();
    const choices: Array<{ scope: ReportScope; label: string }> = [{ scope: 'all', label: `All ${total} door${total === 1 ? '' : 's'} of the site` }];
    const shown = this.#doors.shownIds();
    if (shown && shown.length > 0) choices.push({ scope: 'shown', label: `The ${shown.length} door${shown.length === 1 ? '' : 's'} shown in the list` });
    const open = this.#doors.openDoor();
    if (open) choices.push({ scope: 'door', label: `Only ${open.name}` });
    return choices;
  }

  /** The request as it would be sent now (the name trimmed). */
  request(): ReportRequest {
    return {
      siteId: this.siteId,
      doorIds: this.doorIds,
      installerName: this.installerName.trim(),
      paper: this.paper,
      format: this.format,
      showPins: this.showPins,
    };
  }

  /** Builds and saves (or downloads) the report; the name is remembered. A failure keeps every choice. */
  async save(): Promise<boolean> {
    this.triedSave = true;
    if (!this.canSave) return false;
    this.isBuilding = true;
    this.error = null;
    this.outcome = null;
    const request = this.request();
    this.#remember(request.installerName);
    const result = await this.#saver.save(() => this.#bridge.request('report.save', request));
    this.isBuilding = false;
    if (!result.ok) {
      this.error = result.error;
      return false;
    }
    this.outcome = result.value;
    return result.value.how !== 'cancelled';
  }

  #total(): number {
    return this.#doors.total();
  }

  #doorIds(): string[] | null {
    if (this.scope === 'door') {
      const open = this.#doors.openDoor();
      if (open) return [open.id];
    }
    if (this.scope === 'shown') {
      const shown = this.#doors.shownIds();
      if (shown && shown.length > 0) return shown;
    }
    return null;
  }

  #nameProblem(): string | null {
    const parsed = installerNameSchema.safeParse(this.installerName);
    if (parsed.success) return null;
    const message = parsed.error.issues[0]?.message ?? 'installer name is not plain text';
    return message.charAt(0).toUpperCase() + message.slice(1);
  }

  #remember(name: string): void {
    try {
      this.#store?.setItem(INSTALLER_NAME_KEY, name);
    } catch {
      // A page without storage just asks again next time.
    }
  }
}

/**
 * The gate between a downloaded update and the restart that installs it: it opens only when no change is waiting or
 * running on any door, so a batch of PIN codes being written to locks is never cut.
 *
 *   downloaded / asked again ─▶ count changes ─ 0 ─▶ "Restart now / Later" ─ Restart ─▶ count again ─ 0 ─▶ quitAndInstall
 *                                            └─ N ─▶ "waits for the doors"         └ Later        └─ N ─▶ waits again
 *   waits ─▶ work.onChange(0) ─▶ asks (once per version: Later means later, until asked again from the menu)
 *   quit ─▶ beforeQuit(): installs when the count is 0
 */
import type { WorkSignal } from '../../core/app/app-services';
import type { AppLog } from '../../core/ports/platform-port';
import { releaseNotesText, type UpdateDialogs } from './update-dialogs';
import type { UpdateState } from './update-controller';
import type { UpdateRelease } from './updater-port';

/** What the install gate works with. */
export interface InstallGateDeps {
  work: WorkSignal;
  /** Shown one at a time (oneDialogAtATime). */
  dialogs: UpdateDialogs;
  log: AppLog;
  /** Quits the app and installs (`restartAfter`: start it again); false when the installer could not start. */
  quitAndInstall(restartAfter: boolean): boolean;
  /** Receives the gate's states: 'ready' and 'waiting_for_doors'. */
  setState(state: UpdateState): void;
  /** Logs a failure with the updater's words cleaned (update-controller's). */
  logFailure(error: unknown): void;
}

/** The gate for the downloaded update (see the diagram above). */
export interface InstallGate {
  /** A download finished: asks now when no door has work, else says it waits and asks when they are done. */
  downloaded(release: UpdateRelease): void;
  /** The downloaded update, or null. */
  release(): UpdateRelease | null;
  /** Offers the downloaded update again (the installer asked from the menu), even after Later. */
  offerAgain(): Promise<void>;
  /** At quit: installs (true: the updater quits the app now) only when an update is downloaded and no door has work. */
  beforeQuit(): Promise<boolean>;
  /** The installer did not start after all (the updater reported an error): the update can be offered again. */
  installFailed(): void;
  dispose(): void;
}

/** Why an offer runs: a download and the installer's own request also tell when doors have work; doors going idle only asks. */
type Trigger = 'downloaded' | 'asked' | 'doors_idle';

/** Creates the install gate; it listens to the doors' work until disposed. */
export function createInstallGate(deps: InstallGateDeps): InstallGate {
  const { work, dialogs, log, logFailure } = deps;
  let downloaded: UpdateRelease | null = null;
  /** The version the installer was asked about: not asked again when the doors go idle. */
  let askedFor: string | null = null;
  let offering = false;
  let pending: Trigger | null = null;
  let installing = false;
  let waiting: { version: string; changes: number } | null = null;

  const run = (trigger: Trigger) => offer(trigger).catch(logFailure);

  async function countChanges(): Promise<number | null> {
    try {
      return await work.changesInProgress();
    } catch (error) {
      log.warn('[updates] could not count the changes on doors, so nothing is installed now');
      logFailure(error);
      return null;
    }
  }

  function holdForDoors(version: string, changes: number, tell: boolean): void {
    if (!waiting || tell) log.info(`[updates] ${version} waits: ${changes} change(s) waiting or running on doors`);
    waiting = { version, changes };
    deps.setState({ kind: 'waiting_for_doors', version, changes });
    if (tell) dialogs.tellWaitingForDoors(version, changes).catch(logFailure);
  }

  function install(release: UpdateRelease, restartAfter: boolean): boolean {
    log.info(`[updates] installing ${release.version}${restartAfter ? ' and restarting' : ' on quit'}`);
    installing = deps.quitAndInstall(restartAfter);
    return installing;
  }

  async function offer(trigger: Trigger): Promise<void> {
    if (offering) {
      // One offer at a time; the installer's own request wins over a queue going idle.
      pending = pending === 'asked' ? 'asked' : trigger;
      return;
    }
    const release = downloaded;
    if (!release || installing) return;
    offering = true;
    try {
      const { version } = release;
      const changes = await countChanges();
      if (changes === null) return;
      if (changes > 0) return holdForDoors(version, changes, trigger !== 'doors_idle');
      waiting = null;
      deps.setState({ kind: 'ready', version });
      if (askedFor === version) return;
      askedFor = version;
      const answer = await dialogs.askRestart({ version, notes: releaseNotesText(release.releaseNotes) });
      if (answer === 'later') return log.info(`[updates] ${version}: later (installs on quit when no door has work)`);
      // A change may have been queued while the question was open: then it waits, and asks again when they are done.
      const now = await countChanges();
      if (now !== 0) askedFor = null;
      if (now === null) return;
      if (now > 0) return holdForDoors(version, now, true);
      install(release, true);
    } finally {
      offering = false;
      const again = pending;
      pending = null;
      if (again) void run(again);
    }
  }

  const stopListening = work.onChange((changes) => {
    if (!downloaded || installing) return;
    if (changes === 0) return void run('doors_idle');
    if (waiting || askedFor === downloaded.version) holdForDoors(downloaded.version, changes, false);
  });

  return {
    downloaded(release) {
      downloaded = release;
      void run('downloaded');
    },
    release: () => downloaded,
    offerAgain() {
      askedFor = null;
      return run('asked');
    },
    async beforeQuit() {
      if (!downloaded || installing) return false;
      const changes = await countChanges();
      if (changes !== 0) log.info(`[updates] not installed on quit: ${changes ?? 'an unknown number of'} change(s) on doors`);
      return changes === 0 && install(downloaded, false);
    },
    installFailed() {
      installing = false;
    },
    dispose: stopListening,
  };
}

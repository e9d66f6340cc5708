import { isCodedError } from '../../../shared/result';
import type { BuildFacts, PlatformPort } from '../ports/platform-port';
import { checksOf } from '../sites/check-history';
import type { ShardedStore, SiteCodesData } from '../store/store-v2';
import type { DiagnosticsInput } from './diagnostics-zip';

/** What gathering the diagnostics reads from. */
export interface CollectDiagnosticsDeps {
  store: ShardedStore;
  platform: PlatformPort;
  build: BuildFacts;
  now: () => Date;
}

/**
 * Gathers what "Save diagnostics" zips, reading only: every site with its doors and each door's kept capability
 * checks (newest first, as stored in the site files), the platform's log files and crash dump list, and the store's
 * notices. A site file, the logs or the crash folder that cannot be read does not stop it: that becomes a notice in
 * about.json.
 *
 *   core: buildDiagnostics(await collectDiagnosticsInput({ store, platform, build, now })) ─▶ platform.saveFile
 */
export async function collectDiagnosticsInput(deps: CollectDiagnosticsDeps): Promise<DiagnosticsInput> {
  const { store, platform } = deps;
  const index = store.index.read();
  const problems: string[] = [];
  const sites: DiagnosticsInput['sites'] = [];
  for (const site of index.sites) {
    let data: Readonly<SiteCodesData> | null = null;
    try {
      data = (await store.codes(site.id)).read();
    } catch (e) {
      problems.push(`The checks of site ${site.id} could not be read (${describe(e)}).`);
    }
    const doors = index.doors.filter((door) => door.siteId === site.id);
    sites.push({
      id: site.id,
      name: site.name,
      doors: doors.map((door) => ({ id: door.id, name: door.name, protocol: door.lockAddress.protocol, checks: data ? checksOf(data, door.id) : [] })),
    });
  }
  let logs: DiagnosticsInput['logs'] = [];
  try {
    logs = await platform.log.files();
  } catch (e) {
    problems.push(`The log files could not be read (${describe(e)}).`);
  }
  let crashDumps: DiagnosticsInput['crashDumps'] = [];
  try {
    crashDumps = await platform.crashDumps();
  } catch (e) {
    problems.push(`The crash dumps could not be listed (${describe(e)}).`);
  }
  // After the site files were opened: their open notices (recovered, set aside) are part of the store's notices.
  return { now: deps.now(), build: deps.build, logs, crashDumps, sites, notices: [...store.notices(), ...problems] };
}

function describe(error: unknown): string {
  if (isCodedError(error)) return error.code;
  return error instanceof Error ? error.message : String(error);
}

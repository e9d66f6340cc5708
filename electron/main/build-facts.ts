/**
 * What this build is, for the About box, diagnostics and the updater: the release build writes `lockbenchBuild`
 * ({ signed, commit, builtAt }) into the packaged package.json; without it (development, or a package not made by
 * `npm run release`) the build counts as unsigned.
 */
import { readFile } from 'node:fs/promises';
import { release } from 'node:os';
import { join } from 'node:path';
import type { BuildFacts } from '../core/app/app-services';
import type { CanUpdate } from './updates/update-controller';

/** BuildFacts plus when the build was made (About box only). */
export interface DesktopBuildFacts extends BuildFacts {
  builtAt: string | null;
}

/** Runtime versions as Electron reports them (`process.versions`, `process.getSystemVersion`). */
export interface RuntimeSource {
  versions: Partial<Record<string, string>>;
  platform: NodeJS.Platform;
  arch: string;
  /** The OS version in its marketing numbering (macOS 14.1, not Darwin 23.1); Node's os.release() otherwise. */
  systemVersion: string;
}

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'macOS', win32: 'Windows', linux: 'Linux' };

/** Electron, Chrome and Node versions and the OS, as words. */
export function runtimeFacts(source: RuntimeSource): Record<string, string> {
  return {
    electron: source.versions.electron ?? 'none (not running in Electron)',
    chrome: source.versions.chrome ?? 'none',
    node: source.versions.node ?? 'unknown',
    os: `${PLATFORM_NAMES[source.platform] ?? source.platform} ${source.systemVersion} (${source.arch})`,
  };
}

/** This process's runtime, read the way Electron offers it. */
export function currentRuntime(): RuntimeSource {
  const getSystemVersion = (process as { getSystemVersion?: () => string }).getSystemVersion;
  return { versions: process.versions, platform: process.platform, arch: process.arch, systemVersion: getSystemVersion ? getSystemVersion() : release() };
}

/**
 * Reads the facts from a parsed package.json. Only `signed: true` is signed; a commit must look like a git hash and
 * builtAt like a date, anything else is left out rather than shown.
 */
export function buildFactsFrom(packageJson: unknown, version: string, runtime: Record<string, string>): DesktopBuildFacts {
  const stamp = (packageJson as { lockbenchBuild?: unknown } | null)?.lockbenchBuild;
  const fields = typeof stamp === 'object' && stamp !== null ? (stamp as Record<string, unknown>) : {};
  const commit = typeof fields.commit === 'string' && /^[0-9a-f]{7,40}$/i.test(fields.commit) ? fields.commit : null;
  const builtAt = typeof fields.builtAt === 'string' && !Number.isNaN(Date.parse(fields.builtAt)) ? fields.builtAt : null;
  return { version, isSigned: fields.signed === true, commit, builtAt, runtime };
}

/** Reads `<appPath>/package.json` (inside app.asar when packaged); a missing or unreadable file is an unsigned build. */
export async function readBuildFacts(appPath: string, version: string, runtime: Record<string, string> = runtimeFacts(currentRuntime())): Promise<DesktopBuildFacts> {
  let packageJson: unknown = null;
  try {
    packageJson = JSON.parse(await readFile(join(appPath, 'package.json'), 'utf8'));
  } catch {
    packageJson = null;
  }
  return buildFactsFrom(packageJson, version, runtime);
}

/** How the About box names the build's signature: an unsigned build must never pass for a release. */
export function signatureWords(facts: Pick<BuildFacts, 'isSigned'>): string {
  return facts.isSigned ? 'Signed build' : 'UNSIGNED build — not signed by Lockbench; for testing only';
}

/**
 * Whether this build may update itself: only an installed (packaged) build outside a smoke run, and on macOS only a
 * signed one (Squirrel.Mac refuses to install into an unsigned app, and an unsigned app must not pass for a release).
 */
export function updatePolicy(run: { isPackaged: boolean; isSmoke: boolean; isSigned: boolean; platform: NodeJS.Platform }): CanUpdate {
  if (run.isSmoke) return { ok: false, reason: 'This is a smoke test run: it never updates.' };
  if (!run.isPackaged) return { ok: false, reason: 'This is a development build: updates come with installed releases of Lockbench only.' };
  if (run.platform === 'darwin' && !run.isSigned) {
    return { ok: false, reason: 'This build is not signed by Lockbench, and macOS installs updates only into a signed app. Install the signed release to get updates.' };
  }
  return { ok: true };
}

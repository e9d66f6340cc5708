import { strToU8, zipSync, type Zippable } from 'fflate';
import type { BuiltFile } from '../../../shared/domain/report';
import { isSecretField, redactLogLine } from '../../../shared/logging/redact';
import type { BuildFacts, CrashDumpFacts } from '../ports/platform-port';

/** One door in the diagnostics: what it is and its capability checks as they were stored, newest first. */
export interface DiagnosticsDoor {
  id: string;
  name: string;
  protocol: string;
  checks: unknown[];
}

/** Everything "Save diagnostics" puts in the zip (collectDiagnosticsInput gathers it from the store and the platform). */
export interface DiagnosticsInput {
  now: Date;
  build: BuildFacts;
  /** The log files as the platform's log hands them over (`AppLog.files()`), oldest first; redacted again here. */
  logs: Array<{ name: string; text: string }>;
  crashDumps: CrashDumpFacts[];
  sites: Array<{ id: string; name: string; doors: DiagnosticsDoor[] }>;
  /** What went wrong while gathering (a site file or the logs could not be read…), and the store's open notices. */
  notices?: string[];
}

/**
 * Builds the support zip, `lockbench-diagnostics-<yyyy-mm-dd-hhmm>.zip` (local time):
 *
 *   README.txt                 what is inside, and what is not
 *   about.json                 build facts, runtime and OS, notices
 *   logs/<name>                each log file, redacted again
 *   checks/<site>/<door>.json  the door's stored capability checks, scrubbed (see scrubForDiagnostics)
 *   crash-dumps.json           crash dumps on this computer: names, sizes, times (never their content)
 *
 * Never a PIN, key or token: every text that came from a log or the store passes `redactLogLine`. Pure (no I/O):
 * collectDiagnosticsInput does the reading.
 */
export function buildDiagnostics(input: DiagnosticsInput): BuiltFile {
  const files: Zippable = {};
  const put = (path: string, text: string): void => void (files[path] = strToU8(text));
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const doors = input.sites.flatMap((site) => site.doors.map((door) => ({ site, door })));
  put('README.txt', readme(input, doors.length));
  put('about.json', json({ saved_at: input.now.toISOString(), build: input.build, notices: (input.notices ?? []).map(redactLogLine) }));
  const logNames = new Set<string>();
  for (const log of input.logs) {
    let name = safeSegment(log.name);
    while (logNames.has(name)) name = `_${name}`;
    logNames.add(name);
    put(`logs/${name}`, redactLogLine(log.text));
  }
  for (const { site, door } of doors) {
    const record = { site: { id: site.id, name: site.name }, door: { id: door.id, name: door.name, protocol: door.protocol }, checks: door.checks };
    put(`checks/${safeSegment(site.id)}/${safeSegment(door.id)}.json`, json(scrubForDiagnostics(record)));
  }
  put('crash-dumps.json', json({ note: 'Names, sizes and times only: a crash dump holds the app’s memory and is never put in this file.', dumps: input.crashDumps }));
  const bytes = zipSync(files, { mtime: input.now, level: 6 });
  return { fileName: `lockbench-diagnostics-${stamp(input.now)}.zip`, mimeType: 'application/zip', base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length };
}

/**
 * A stored value made safe to hand over: fields named like a PIN, code, key, secret, token or password are left out
 * (`isSecretField`; a `key` naming a capability item stays), every string is redacted, numbers and booleans stay.
 */
export function scrubForDiagnostics(value: unknown, depth = 0): unknown {
  if (depth > 32) return '[too deep]';
  if (typeof value === 'string') return redactLogLine(value);
  if (Array.isArray(value)) return value.map((item) => scrubForDiagnostics(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    const kept = Object.entries(value).filter(([name, field]) => !isSecretField(name, field));
    return Object.fromEntries(kept.map(([name, field]) => [name, scrubForDiagnostics(field, depth + 1)]));
  }
  return typeof value === 'number' || typeof value === 'boolean' || value === null ? value : undefined;
}

/** A name usable as one path segment inside the zip. */
function safeSegment(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100);
  return safe === '' || /^\.+$/.test(safe) ? '_' : safe;
}

/** `2026-11-30-1005`, the computer's local time (what the installer reads on the clock). */
function stamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}`;
}

function readme(input: DiagnosticsInput, doorCount: number): string {
  return [
    'Lockbench diagnostics',
    '=====================',
    `Saved ${input.now.toISOString()} by Lockbench ${input.build.version}${input.build.isSigned ? '' : ' (unsigned build)'}, for Lockbench support.`,
    '',
    'What is inside',
    '  about.json                  this build (version, commit, Electron/Chrome/Node versions) and the operating system',
    `  logs/                       the app's log files (${input.logs.length}), redacted again when this file was made`,
    `  checks/<site>/<door>.json   each door's capability checks as they were stored, newest first (${doorCount} doors)`,
    `  crash-dumps.json            the crash dumps kept on this computer (${input.crashDumps.length}): names, sizes and times only`,
    '',
    'What is NOT inside',
    '  - No PINs, access codes, API keys, Z-Wave network keys, pairing keys, tokens or passwords: log lines and checks',
    '    were redacted (such a value reads [redacted]) and fields that hold them were left out.',
    '  - No codes and nothing about the people they are for.',
    "  - No crash dump contents: a dump holds the app's memory, which may hold a PIN. If support asks for one, it is in",
    "    Lockbench's crash dumps folder on this computer under the name listed in crash-dumps.json.",
    '',
    'Nothing was sent anywhere: this file is only where you saved it.',
    '',
  ].join('\n');
}

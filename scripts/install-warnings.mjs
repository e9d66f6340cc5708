#!/usr/bin/env node
// CI guard for the project's quiet `npm install` (.npmrc: loglevel=error). `.ci/run` installs with --loglevel=warn and
// feeds npm's output here: the only warnings accepted are the known EBADENGINE ones below; anything else (a new
// engine mismatch, a deprecation, a peer-dependency override, an install script not covered by package.json's
// allowScripts) fails CI, so hiding warnings from newcomers never hides them from maintainers.
//
//   node scripts/install-warnings.mjs <npm output file>
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Packages that declare Node >= 22 (22.12) but are run on Node 20.19+ by every test in CI: Electron and its download
 * and packaging tools (their engines field is about their own Node, not Electron's, and require(esm) works on 20.19+),
 * zwave-js's cache database (built for Node 20; zwave-js itself declares >= 20) and Seam's API client.
 */
export const KNOWN_ENGINE_WARNINGS = [
  '@alcalzone/jsonl-db',
  '@electron-internal/extract-zip',
  '@electron/get',
  '@electron/rebuild',
  '@seamapi/http',
  '@seamapi/url-search-params-serializer',
  'electron',
  'node-abi',
];

/** The npm warning lines in `output` that are not a known engine warning (empty when the install was as expected). */
export function unexpectedInstallWarnings(output, known = KNOWN_ENGINE_WARNINGS) {
  const unexpected = [];
  for (const line of output.split(/\r?\n/)) {
    if (!/^npm warn/i.test(line)) continue;
    const rest = line.replace(/^npm warn\s*/i, '');
    if (!rest.startsWith('EBADENGINE')) {
      unexpected.push(line);
      continue;
    }
    // An EBADENGINE warning spans lines ("Unsupported engine {", "package: 'name@1.2.3'", required, current, "}").
    const name = /package: '((?:@[^/]+\/)?[^@']+)@/.exec(rest)?.[1];
    if (name && !known.includes(name)) unexpected.push(`EBADENGINE: ${name} wants another Node version`);
  }
  return unexpected;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/install-warnings.mjs <npm output file>');
    process.exit(2);
  }
  const unexpected = unexpectedInstallWarnings(readFileSync(file, 'utf8'));
  if (unexpected.length > 0) {
    console.error(`npm printed warnings a newcomer would not see (.npmrc sets loglevel=error); review them, then fix or list them in scripts/install-warnings.mjs:\n  ${unexpected.join('\n  ')}`);
    process.exit(1);
  }
}

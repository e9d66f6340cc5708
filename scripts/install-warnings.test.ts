import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unexpectedInstallWarnings } from './install-warnings.mjs';

const engine = (pkg: string) =>
  [
    'npm warn EBADENGINE Unsupported engine {',
    `npm warn EBADENGINE   package: '${pkg}',`,
    "npm warn EBADENGINE   required: { node: '>=22.12.0' },",
    "npm warn EBADENGINE   current: { node: 'v20.20.2', npm: '11.19.1' }",
    'npm warn EBADENGINE }',
  ].join('\n');

describe('CI guard for the quiet npm install', () => {
  it('accepts the known engine warnings of Node 20 and a clean install', () => {
    const output = [engine('electron@45.5.0'), engine('@alcalzone/jsonl-db@4.0.2'), engine('@seamapi/http@2.32.0'), '', 'added 635 packages in 25s'].join('\n');
    expect(unexpectedInstallWarnings(output)).toEqual([]);
    expect(unexpectedInstallWarnings('added 635 packages in 25s\n')).toEqual([]);
  });

  it('reports any other warning: a new engine mismatch, a deprecation, an install script not covered by allowScripts', () => {
    const output = [
      engine('left-pad@2.0.0'),
      'npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported',
      'npm warn install-scripts 1 package has install scripts not yet covered by allowScripts:',
    ].join('\n');
    expect(unexpectedInstallWarnings(output)).toEqual([
      'EBADENGINE: left-pad wants another Node version',
      'npm warn deprecated glob@7.2.3: Glob versions prior to v9 are no longer supported',
      'npm warn install-scripts 1 package has install scripts not yet covered by allowScripts:',
    ]);
  });

  it('accepts what npm really prints on this project on Node 20 (recorded from npm ci, npm 11)', () => {
    const recorded = readFileSync(new URL('./install-warnings.fixture.txt', import.meta.url), 'utf8');
    expect(recorded).toMatch(/EBADENGINE/);
    expect(unexpectedInstallWarnings(recorded)).toEqual([]);
  });
});

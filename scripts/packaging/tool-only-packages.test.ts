/**
 * electron.builder.yml leaves out packages that ship as runtime dependencies but only serve tools: eslint (listed by
 * @zwave-js/config, never loaded), patch-package (noble's install step) and node-addon-api (headers for building
 * natives). The list is written by hand in the yml; this test derives it from package-lock.json so it can neither
 * leave out something the app loads nor go stale when eslint's tree changes.
 */
import { join } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { describe, expect, it } from 'vitest';
import { nameOf, readLockPackages, runtimeClosure } from './dependency-closure.mjs';

const projectDir = join(import.meta.dirname, '..', '..');
const TOOLS = new Set(['eslint', 'patch-package', 'node-addon-api']);

/** Package names excluded as whole folders by `!**\/node_modules/{a,b,…}/**` or `!**\/node_modules/a/**` patterns. */
async function excludedPackages(): Promise<Set<string>> {
  const loaded = await getConfig<{ files: string[] }>({ packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null }, 'electron.builder.yml');
  const names = new Set<string>();
  for (const pattern of loaded!.result.files) {
    const match = pattern.match(/^!\*\*\/node_modules\/(?:\{([^}]+)\}|((?:@[^/{}*]+\/)?[^/{}*]+))\/\*\*$/);
    if (!match) continue;
    (match[1] ? match[1].split(',') : [match[2]!]).forEach((name) => names.add(name));
  }
  return names;
}

describe('packages left out of the package as tool-only', () => {
  it('are none the app needs: no copy of an excluded name is reachable from the runtime dependencies except through a tool', async () => {
    const packages = readLockPackages(projectDir);
    const needed = new Set([...runtimeClosure(packages, (name) => TOOLS.has(name))].map(nameOf));
    const excluded = await excludedPackages();
    expect(excluded.size).toBeGreaterThan(50);
    expect([...excluded].filter((name) => needed.has(name))).toEqual([]);
  });

  it('include everything only eslint brings (the list is complete)', async () => {
    const packages = readLockPackages(projectDir);
    const all = runtimeClosure(packages);
    const withoutEslint = runtimeClosure(packages, (name) => name === 'eslint');
    const onlyEslint = new Set([...all].filter((path) => !withoutEslint.has(path)).map(nameOf));
    expect(onlyEslint.size).toBeGreaterThan(10); // @zwave-js/config still lists eslint; when it stops, this list can go
    const excluded = await excludedPackages();
    expect([...onlyEslint].filter((name) => !excluded.has(name))).toEqual([]);
  });
});

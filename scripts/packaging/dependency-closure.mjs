// Which installed packages the packaged app needs, from package-lock.json alone (no network, no node_modules walk).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads package-lock.json's `packages` map (lockfile v3: install path → entry). */
export function readLockPackages(projectDir) {
  return JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8')).packages;
}

/** Node's lookup: the install path `name` resolves to from the package installed at `from` ('' is the project). */
export function resolveInstallPath(packages, from, name) {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

/**
 * Install paths reachable from the project's runtime `dependencies` (what electron-builder packs), following
 * dependencies and optional dependencies, never entering a package whose name `skip` returns true for.
 */
export function runtimeClosure(packages, skip = () => false) {
  const root = packages[''];
  const seen = new Set();
  const stack = Object.keys(root.dependencies ?? {}).map((name) => ['', name]);
  while (stack.length > 0) {
    const [from, name] = stack.pop();
    if (skip(name)) continue;
    const path = resolveInstallPath(packages, from, name);
    if (!path || seen.has(path)) continue;
    seen.add(path);
    const entry = packages[path];
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) stack.push([path, dep]);
  }
  return seen;
}

/** The package name of an install path ("node_modules/a/node_modules/@s/b" → "@s/b"). */
export function nameOf(installPath) {
  return installPath.slice(installPath.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

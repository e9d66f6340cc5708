// Whether out/ is the build of the sources as they are now, so `npm start` and `npm run bench` can skip electron-vite.
//
//   inputs: electron/ shared/ renderer/ (tests excluded), electron.vite.config.ts, tsconfig.json, package.json,
//           package-lock.json ──sha256──▶ inputsHash ─┐
//   outputs: every file under out/ ──sha256──────────▶ outputsHash ─┴─▶ stamp (written after each successful build)
//
// A build is current when both hashes match the stamp: a changed source or lock file, a half-deleted out/, or an out/
// written by something else (`electron-vite dev`, a manual build) all mean "build again". Content hashes, not mtimes:
// a git checkout or a copied folder changes mtimes without changing anything that matters. The stamp lives in
// node_modules/.cache (not in out/, which electron-builder packs).
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

const INPUT_DIRS = ['electron', 'shared', 'renderer'];
const INPUT_FILES = ['electron.vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What `npm start` needs in out/ (Electron's main, the browser host, the preload, the page). */
export const REQUIRED_OUTPUTS = ['out/main/index.js', 'out/main/host.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

/** Where the stamp of the last build of `root` is kept. */
export const stampPath = (root) => join(root, 'node_modules', '.cache', 'lockbench', 'build-stamp.json');

const isTestFile = (path) => /\.test\.[cm]?[jt]s$/.test(path);

/** Files under `dir` (relative to root, '/'-separated, sorted); node_modules and dot-folders skipped. */
async function listFiles(root, dir) {
  if (!existsSync(join(root, dir))) return [];
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part === 'node_modules' || part.startsWith('.')))
    .sort();
}

/** sha256 over the names and contents of `files` (a missing file counts as such, so deleting one changes the hash). */
async function hashFiles(root, files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(existsSync(join(root, file)) ? await readFile(join(root, file)) : '\0missing\0');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The hash of everything the build reads. */
export async function inputsHash(root) {
  const files = (await Promise.all(INPUT_DIRS.map((dir) => listFiles(root, dir)))).flat().filter((f) => !isTestFile(f));
  return hashFiles(root, [...files, ...INPUT_FILES]);
}

/** The hash of everything in out/. */
export async function outputsHash(root) {
  return hashFiles(root, await listFiles(root, 'out'));
}

/** Records that out/ is the build of the current sources (call right after a successful build). */
export async function writeBuildStamp(root, now = new Date()) {
  const stamp = { inputsHash: await inputsHash(root), outputsHash: await outputsHash(root), builtAt: now.toISOString() };
  await mkdir(dirname(stampPath(root)), { recursive: true });
  await writeFile(stampPath(root), `${JSON.stringify(stamp, null, 2)}\n`);
  return stamp;
}

/**
 * Why out/ must be built again, or null when it is the build of the sources as they are now.
 * @returns {Promise<string | null>}
 */
export async function whyRebuild(root) {
  const missing = REQUIRED_OUTPUTS.find((file) => !existsSync(join(root, file)));
  if (missing) return `${missing} is missing`;
  let stamp;
  try {
    stamp = JSON.parse(await readFile(stampPath(root), 'utf8'));
  } catch {
    return 'no record of the last build';
  }
  if (stamp.inputsHash !== (await inputsHash(root))) return 'sources changed since the last build';
  if (stamp.outputsHash !== (await outputsHash(root))) return 'out/ changed since the last build';
  return null;
}

/**
 * The packaged app, built here as a release builds it but with a stand-in Electron (the real one cannot be downloaded
 * on our machines): what app.asar holds, and that the packed main process really starts.
 *
 *   electron-builder (electron.builder.yml, linux dir) ─▶ resources/app.asar (+ app.asar.unpacked, fonts)
 *     ─▶ contents: size ≤ 30 MB, no maps/sources/dev dependencies, natives unpacked and only linux-x64's
 *     ─▶ every bare import of out/main resolves inside the package
 *     ─▶ extracted + the stand-in `electron` module: `node out/main/index.js` in smoke mode reaches the demo site
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asarFiles, extractAsar } from './asar-contents.mjs';
import { nameOf, readLockPackages, runtimeClosure } from './dependency-closure.mjs';
import { runPackagedSmoke } from './packaged-smoke.mjs';
import { buildStandInPackage } from './stand-in-package.mjs';

const run = promisify(execFile);
const projectDir = join(import.meta.dirname, '..', '..');
const MAX_ASAR_BYTES = 30 * 1024 * 1024;
let workDir: string;
let resources: string;
let files: Array<{ path: string; size: number; unpacked: boolean }>;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'lockbench-package-'));
  resources = await buildStandInPackage(projectDir, workDir);
  files = asarFiles(join(resources, 'app.asar'));
}, 240_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the packaged app (unpacked Linux build, stand-in Electron)', () => {
  it('has an app.asar of at most 30 MB (size and files printed)', () => {
    const bytes = statSync(join(resources, 'app.asar')).size;
    const packed = files.filter((f) => !f.unpacked);
    const unpacked = files.filter((f) => f.unpacked);
    console.log(
      `app.asar: ${(bytes / 1024 / 1024).toFixed(1)} MB, ${packed.length} files packed, ${unpacked.length} unpacked ` +
        `(${(unpacked.reduce((n, f) => n + f.size, 0) / 1024 / 1024).toFixed(1)} MB in app.asar.unpacked)`,
    );
    expect(bytes).toBeLessThanOrEqual(MAX_ASAR_BYTES);
  });

  it('holds no source maps, TypeScript sources, tests, browser host or project sources', () => {
    const offending = files.filter((f) => /\.(map|ts|cts|mts)$/.test(f.path) || /\.test\./.test(f.path) || /^(electron|shared|renderer|scripts|e2e|bench)\//.test(f.path));
    expect(offending.map((f) => f.path)).toEqual([]);
    expect(files.some((f) => f.path === 'out/main/host.js')).toBe(false);
    expect(files.some((f) => f.path === 'out/main/index.js')).toBe(true);
    expect(files.some((f) => f.path === 'out/renderer/index.html')).toBe(true);
  });

  it('holds no development dependency (a package the app does not need at run time)', () => {
    const packages = readLockPackages(projectDir);
    const runtimeNames = new Set([...runtimeClosure(packages)].map(nameOf));
    const devOnly = Object.keys(JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')).devDependencies).filter((name) => !runtimeNames.has(name));
    const shipped = new Set(files.map((f) => f.path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1]).filter(Boolean));
    expect(devOnly.filter((name) => shipped.has(name))).toEqual([]);
    // The test can fail: these are bundled into out/main or only for tests, and would be caught here.
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'vitest', 'zod', '@seamapi/fake-seam-connect']));
  });

  it('keeps native binaries outside the asar, and only Linux x64’s', () => {
    const natives = files.filter((f) => f.path.endsWith('.node'));
    expect(natives.filter((f) => !f.unpacked).map((f) => f.path)).toEqual([]);
    const foreign = natives.filter((f) => /(win32|darwin|android|linux-arm|linux-ia32|musl)/.test(f.path));
    expect(foreign.map((f) => f.path)).toEqual([]);
    expect(natives.some((f) => /@serialport\/bindings-cpp\/prebuilds\/linux-x64\/.*\.node$/.test(f.path))).toBe(true);
    for (const native of natives) expect(existsSync(join(resources, 'app.asar.unpacked', native.path)), native.path).toBe(true);
  });

  it('ships the report’s fonts beside the asar', () => {
    expect(existsSync(join(resources, 'fonts', 'DejaVuSans.ttf'))).toBe(true);
  });

  it('loads every package the main process imports from inside the package', async () => {
    const appDir = join(workDir, 'app');
    extractAsar(join(resources, 'app.asar'), appDir);
    const mainFiles = (await readdir(join(appDir, 'out', 'main'), { recursive: true })).filter((f) => f.endsWith('.js'));
    const specifiers = new Set<string>();
    for (const file of mainFiles) {
      // TypeScript's own import scanner (static and dynamic imports), not a regex that would read strings as imports.
      const scanned = ts.preProcessFile(readFileSync(join(appDir, 'out', 'main', file), 'utf8'), true, true);
      for (const imported of scanned.importedFiles) if (!/^[./]/.test(imported.fileName)) specifiers.add(imported.fileName);
    }
    const bare = [...specifiers].filter((s) => !s.startsWith('node:') && s !== 'electron');
    expect(bare).toEqual(expect.arrayContaining(['zwave-js', 'serialport', 'pdfkit']));
    const unresolvedFrom = async (mainDir: string): Promise<string[]> => {
      const probe = join(mainDir, `resolve-probe-${process.pid}.mjs`);
      // Loaded, not only resolved: a trimmed-away file a package needs when it loads fails here.
      await writeFile(probe, `for (const s of ${JSON.stringify(bare)}) { try { await import(s); } catch { console.log(s); } }\nprocess.exit(0);\n`);
      try {
        return (await run(process.execPath, [probe])).stdout.split('\n').filter(Boolean);
      } finally {
        await rm(probe, { force: true });
      }
    };
    // Bundled third-party code may name modules it never loads (fake-seam-connect's Next.js server paths): those do
    // not load in the project either. Everything that loads while developing must load in the package.
    const inProject = await unresolvedFrom(join(projectDir, 'out', 'main'));
    const inPackage = await unresolvedFrom(join(appDir, 'out', 'main'));
    console.log(`out/main imports ${bare.length} packages; never loadable, in the project too: ${inProject.join(', ') || 'none'}`);
    expect(inPackage.filter((s) => !inProject.includes(s))).toEqual([]);
  });

  it('makes a PDF with the shipped fonts from the packed pdfkit (the report’s path, trimmed files and all)', async () => {
    const appDir = join(workDir, 'app');
    if (!existsSync(appDir)) extractAsar(join(resources, 'app.asar'), appDir);
    const probe = join(appDir, 'out', 'main', 'pdf-probe.mjs');
    await writeFile(
      probe,
      `import PDFDocument from 'pdfkit';
const doc = new PDFDocument({ size: 'A4' });
const parts = [];
doc.on('data', (b) => parts.push(b));
doc.on('end', () => console.log(Buffer.concat(parts).subarray(0, 5).toString('latin1') + ' ' + Buffer.concat(parts).length));
doc.registerFont('body', ${JSON.stringify(join(resources, 'fonts', 'DejaVuSans.ttf'))});
doc.font('body').fontSize(12).text('Front door — code •••••7 set ✓');
doc.end();
`,
    );
    const { stdout } = await run(process.execPath, [probe]);
    const [magic, bytes] = stdout.trim().split(' ');
    expect(magic).toBe('%PDF-');
    expect(Number(bytes)).toBeGreaterThan(1000);
  });

  it('starts: the packed main process, under the stand-in Electron, loads its page from app:// and reaches the demo site (smoke mode)', async () => {
    const appDir = join(workDir, 'app');
    if (!existsSync(appDir)) extractAsar(join(resources, 'app.asar'), appDir);
    const started = Date.now();
    const { report, stderrTail } = await runPackagedSmoke({ projectDir, appDir, resources, userData: join(workDir, 'user-data') });
    expect(report, stderrTail).not.toBeNull();
    const smoke = report as { ok: boolean; demoReadyMs: number; windowLoadedMs: number; serialportBinding: string; isPackaged: boolean };
    console.log(`packaged smoke run (stand-in Electron): window loaded ${smoke.windowLoadedMs} ms, demo site ready ${smoke.demoReadyMs} ms (${Date.now() - started} ms wall)`);
    expect(smoke).toMatchObject({ ok: true, isPackaged: true });
    // The serial port's native binding was loaded from the package's own files, the Linux x64 prebuild.
    expect(smoke.serialportBinding.startsWith(appDir)).toBe(true);
    expect(smoke.serialportBinding).toMatch(/bindings-cpp\/prebuilds\/linux-x64\//);
  }, 180_000);

  it('loads every chunk of the main process, including those loaded lazily (the demo cloud, Bluetooth)', async () => {
    // After the smoke run: the package's `electron` is the stand-in by now, for chunks that import it.
    const appDir = join(workDir, 'app');
    const chunks = (await readdir(join(appDir, 'out', 'main', 'chunks'))).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    const probe = join(appDir, 'out', 'main', 'chunk-probe.mjs');
    await writeFile(probe, `for (const c of ${JSON.stringify(chunks)}) { try { await import('./chunks/' + c); } catch (e) { console.log(c + ': ' + e.message); } }\nprocess.exit(0);\n`);
    const tsx = pathToFileURL(join(projectDir, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const { stdout } = await run(process.execPath, ['--import', tsx, probe], { env: { ...process.env, STAND_IN_ELECTRON_APP_PATH: appDir, STAND_IN_ELECTRON_USER_DATA: join(workDir, 'chunk-probe-data') } });
    expect(stdout.trim()).toBe('');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import * as fileMatcher from 'app-builder-lib/out/fileMatcher';
import { getConfig as getEffectiveConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { describe, expect, it } from 'vitest';

const projectDir = join(import.meta.dirname, '..', '..');
const schemePath = join(projectDir, 'node_modules', 'app-builder-lib', 'scheme.json');
const require = createRequire(import.meta.url);

/** electron.builder.yml, read by electron-builder's own loader (js-yaml inside). */
async function loadBuilderConfig(): Promise<Record<string, unknown>> {
  const loaded = await getConfig<Record<string, unknown>>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null },
    'electron.builder.yml',
  );
  if (!loaded) throw new Error('electron.builder.yml was not found');
  return loaded.result;
}

type Filter = (file: string, stat: never) => boolean;
type Matcher = { createFilter(): Filter; isEmpty(): boolean; containsOnlyIgnore(): boolean; isSpecifiedAsEmptyArray: boolean; prependPattern(p: string): void };
/** electron-builder's own matcher builders (exported by app-builder-lib, not in its typings). */
const internals = fileMatcher as unknown as {
  getMainFileMatchers(appDir: string, destination: string, expand: (p: string) => string, platformOptions: unknown, packager: unknown, outDir: string, isElectronCompile: boolean): Matcher[];
  getNodeModuleFileMatcher(appDir: string, destination: string, expand: (p: string) => string, platformOptions: unknown, packager: unknown): Matcher;
};

/**
 * Which of `paths` (relative to the project; node_modules ones as they sit in the packaged app) electron-builder's own
 * matchers would pack for one platform and arch, with the configuration merged as electron-builder merges it. Like
 * electron-builder's app walker, a matcher of nothing but exclusions starts from `**` + `/*`.
 */
async function packedFor(platform: 'win' | 'mac' | 'linux', arch: string, paths: string[]): Promise<string[]> {
  const config = (await getEffectiveConfig(projectDir, 'electron.builder.yml', null)) as unknown as Record<string, unknown>;
  const appInfo = { productName: 'Lockbench', sanitizedProductName: 'Lockbench', version: '0.1.0' } as never;
  const expand = (pattern: string) => expandMacro(pattern, arch, appInfo, { os: platform });
  const debugLogger = { isEnabled: false };
  const packager = { info: { config, projectDir, buildResourcesDir: join(projectDir, 'resources'), isPrepackedAppAsar: false, debugLogger } };
  const appFilters = internals.getMainFileMatchers(projectDir, '/app', expand, config[platform], packager, join(projectDir, 'dist'), false).map((matcher) => {
    if (!matcher.isSpecifiedAsEmptyArray && (matcher.isEmpty() || matcher.containsOnlyIgnore())) matcher.prependPattern('**/*');
    return matcher.createFilter();
  });
  const moduleFilter = internals.getNodeModuleFileMatcher(projectDir, '/app', expand, config[platform], { config, debugLogger }).createFilter();
  const file = (path: string) => ({ isDirectory: () => false, moduleFullFilePath: path }) as never;
  return paths.filter((path) =>
    path.startsWith('node_modules/') ? moduleFilter(join(projectDir, path), file(path)) : appFilters.some((filter) => filter(join(projectDir, path), file(''))),
  );
}

/** Every native binary the dependencies bring, where electron-builder puts them in the app (see the brief in README). */
const NATIVE_BINARIES = [
  'node_modules/@serialport/bindings-cpp',
  'node_modules/serialport/node_modules/@serialport/bindings-cpp',
  'node_modules/@stoprocent/noble',
  'node_modules/@stoprocent/bluetooth-hci-socket',
  'node_modules/usb',
].flatMap((pkg) =>
  ['android-arm/a.armv7.node', 'android-arm64/a.armv8.node', 'darwin-x64+arm64/a.node', 'linux-arm/a.armv7.glibc.node', 'linux-arm64/a.armv8.glibc.node', 'linux-ia32/a.node', 'linux-x64/a.glibc.node', 'linux-x64/a.musl.node', 'win32-ia32/a.node', 'win32-x64/a.node', 'win32-arm64/a.armv8.node'].map(
    (file) => `${pkg}/prebuilds/${file}`,
  ),
);
const NOBLE_LOCAL_BUILD = 'node_modules/@stoprocent/noble/build/Release/noble.node';

describe('electron.builder.yml', () => {
  it('is valid against app-builder-lib scheme.json (offline, no coercion)', async () => {
    const config = await loadBuilderConfig();
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemePath, 'utf8')));
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // electron-builder's own check (schema with its coercion, plus its deprecation rules).
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs the build output for Windows NSIS x64, macOS dmg + zip x64+arm64 and a Linux folder, with hardened fuses', async () => {
    const config = await loadBuilderConfig();
    expect(config).toMatchObject({
      appId: 'com.lockbench.app',
      productName: 'Lockbench',
      directories: { output: 'dist' },
      asarUnpack: ['**/node_modules/@serialport/bindings-cpp/**', '**/node_modules/@stoprocent/noble/**', '**/node_modules/@stoprocent/bluetooth-hci-socket/**', '**/node_modules/usb/**'],
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      mac: {
        // zip is what electron-updater installs on macOS; dmg is what people download.
        target: [
          { target: 'dmg', arch: ['x64', 'arm64'] },
          { target: 'zip', arch: ['x64', 'arm64'] },
        ],
        hardenedRuntime: true,
        notarize: true,
        category: 'public.app-category.utilities',
        // The usage text macOS shows says what the Bluetooth is for (a packaged app without it is killed on first use).
        extendInfo: { NSBluetoothAlwaysUsageDescription: expect.stringMatching(/Nuki.*Bluetooth/), NSBluetoothPeripheralUsageDescription: expect.stringMatching(/Nuki/) },
      },
      linux: { target: [{ target: 'dir', arch: ['x64'] }], executableName: 'lockbench' },
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
      },
    });
    // No usage text beyond Bluetooth: the app asks for nothing else.
    expect(Object.keys((config.mac as { extendInfo: object }).extendInfo).filter((key) => key.endsWith('UsageDescription'))).toEqual(['NSBluetoothAlwaysUsageDescription', 'NSBluetoothPeripheralUsageDescription']);
    const files = config.files as string[];
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    expect(files).toContain('!out/**/*.map');
    expect(files.filter((pattern) => /^(electron|shared|renderer|scripts)\b/.test(pattern))).toEqual([]);
  });

  it('gives each platform its committed icon', async () => {
    const config = (await loadBuilderConfig()) as Record<string, { icon?: string }>;
    expect([config.win?.icon, config.mac?.icon, config.linux?.icon]).toEqual(['resources/icon.ico', 'resources/icon.icns', 'resources/icon.png']);
    for (const icon of ['icon.ico', 'icon.icns', 'icon.png']) expect(existsSync(join(projectDir, 'resources', icon)), icon).toBe(true);
  });

  it('publishes to GitHub releases, owner and repo from package.json (which names its author)', async () => {
    const config = await loadBuilderConfig();
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft' });
    const pkg = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ author: { name: 'Lockbench', email: 'support@lockbench.app' }, repository: 'github:lockbench/lockbench', homepage: 'https://lockbench.app' });
    expect((pkg.scripts as Record<string, string>).release).toBe('node scripts/release.mjs');
  });

  it('signs macOS builds under the hardened runtime with a minimal entitlements plist (JIT only)', async () => {
    const mac = (await loadBuilderConfig()).mac as Record<string, string>;
    expect(mac.entitlements).toBe('resources/entitlements.mac.plist');
    expect(mac.entitlementsInherit).toBe('resources/entitlements.mac.plist');
    const xml = readFileSync(join(projectDir, mac.entitlements!), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1.0\/\/EN"/);
    const plist = require('plist') as { parse(xml: string): unknown };
    expect(plist.parse(xml)).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });

  it("ships only the target platform's native binaries, and never the project's sources", async () => {
    const probe = [...NATIVE_BINARIES, NOBLE_LOCAL_BUILD, 'out/main/index.js', 'package.json', 'README.md', 'electron/main/index.ts', 'resources/icon.png', 'scripts/release.mjs'];
    const win = await packedFor('win', 'x64', probe);
    expect(win.filter((p) => p.endsWith('.node'))).toEqual(NATIVE_BINARIES.filter((p) => p.includes('/win32-x64/')));
    const linux = await packedFor('linux', 'x64', probe);
    expect(linux.filter((p) => p.endsWith('.node'))).toEqual([...NATIVE_BINARIES.filter((p) => p.includes('/linux-x64/') && !p.includes('musl')), NOBLE_LOCAL_BUILD]);
    for (const arch of ['x64', 'arm64']) {
      const mac = await packedFor('mac', arch, probe);
      expect(mac.filter((p) => p.endsWith('.node')), arch).toEqual(NATIVE_BINARIES.filter((p) => p.includes('/darwin-x64+arm64/')));
    }
    for (const packed of [win, linux]) expect(packed.filter((p) => !p.endsWith('.node'))).toEqual(['out/main/index.js', 'package.json']);
    expect(NATIVE_BINARIES).toHaveLength(55); // the probe covers every folder listed above, for all five packages
  });

  it('is rejected by the same check when broken (the test can fail)', async () => {
    const config = { ...(await loadBuilderConfig()), electronFuses: { runAsNode: 'no' }, unknownOption: true };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemePath, 'utf8')));
    expect(validate(config)).toBe(false);
  });
});

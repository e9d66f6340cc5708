import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { DebugLogger } from 'builder-util/out/DebugLogger';
import { describe, expect, it } from 'vitest';

const projectDir = join(import.meta.dirname, '..', '..');
const schemePath = join(projectDir, 'node_modules', 'app-builder-lib', 'scheme.json');

/** electron.builder.yml, read by electron-builder's own loader (js-yaml inside). */
async function loadBuilderConfig(): Promise<Record<string, unknown>> {
  const loaded = await getConfig<Record<string, unknown>>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null },
    'electron.builder.yml',
  );
  if (!loaded) throw new Error('electron.builder.yml was not found');
  return loaded.result;
}

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

  it('packs the build output for Windows NSIS x64 and macOS dmg x64+arm64, with hardened fuses', async () => {
    const config = await loadBuilderConfig();
    expect(config).toMatchObject({
      appId: 'com.lockbench.app',
      productName: 'Lockbench',
      directories: { output: 'dist' },
      asarUnpack: ['**/node_modules/@serialport/bindings-cpp/**', '**/node_modules/@stoprocent/noble/**', '**/node_modules/@stoprocent/bluetooth-hci-socket/**', '**/node_modules/usb/**'],
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      mac: {
        target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
        hardenedRuntime: true,
        category: 'public.app-category.utilities',
        // The usage text macOS shows says what the Bluetooth is for (a packaged app without it is killed on first use).
        extendInfo: { NSBluetoothAlwaysUsageDescription: expect.stringMatching(/Nuki.*Bluetooth/), NSBluetoothPeripheralUsageDescription: expect.stringMatching(/Nuki/) },
      },
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
      },
    });
    const files = config.files as string[];
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    expect(files).toContain('!out/**/*.map');
    expect(files.filter((pattern) => /^(electron|shared|renderer|scripts)\b/.test(pattern))).toEqual([]);
  });

  it('is rejected by the same check when broken (the test can fail)', async () => {
    const config = { ...(await loadBuilderConfig()), electronFuses: { runAsNode: 'no' }, unknownOption: true };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemePath, 'utf8')));
    expect(validate(config)).toBe(false);
  });
});

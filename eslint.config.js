// Lint: TypeScript + Svelte, and the hard borders between the three runtimes (../shared/STYLE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeOnly = ['electron', 'node:*', 'fs', 'path', 'os', 'serialport', 'lowdb', 'lowdb/*', 'zwave-js', 'zwave-js/*', '@zwave-js/*', 'ws', '@seamapi/*'];

/**
 * The main process's own layers (../shared/STYLE.md): transport and radio → lock drivers → lock manager → services →
 * wiring. Each folder of electron/core lists the folders it may import; anything else in electron/core is refused, so
 * a service never reaches past the lock port into a driver and a driver never reaches up. Tests and test harnesses
 * may cross (they build real drivers under the services).
 */
const CORE_MAY_IMPORT = {
  ports: [],
  records: [],
  transport: [],
  ble: [],
  // The data key is a store file; the store seals with it: one persistence layer.
  secrets: ['store'],
  store: ['secrets'],
  zwave: ['ports', 'secrets'],
  nuki: ['ports', 'ble', 'secrets'],
  cloud: ['secrets', 'store'],
  demo: ['ports', 'zwave', 'nuki', 'ble', 'cloud', 'secrets', 'store'],
  locks: ['ports'],
  queue: ['ports', 'records', 'locks', 'store'],
  codes: ['ports', 'records', 'locks', 'queue', 'store'],
  sites: ['ports', 'records', 'locks', 'codes', 'store'],
  sync: ['ports', 'records', 'locks', 'queue', 'codes', 'cloud', 'secrets', 'store'],
  bulk: ['ports', 'records', 'locks', 'queue', 'codes', 'store'],
  report: ['ports', 'records', 'store'],
  diagnostics: ['ports', 'store', 'sites'],
  ipc: [],
  app: null, // wires everything
};
const CORE_FOLDERS = Object.keys(CORE_MAY_IMPORT);
const TEST_SUPPORT = ['**/*.test.ts', '**/*-harness.ts', '**/*.fixture.ts', '**/*test-support*.ts', '**/test-support/**'];
const electronPath = { name: 'electron', message: 'electron/core and electron/host also run under plain Node: keep Electron in electron/main and electron/preload.' };
const runtimePatterns = ['**/renderer/**', 'svelte', 'svelte/*'];
const coreLayerRules = Object.entries(CORE_MAY_IMPORT)
  .filter(([, allowed]) => allowed !== null)
  .map(([folder, allowed]) => {
    // ports/ holds interfaces only (the lock port, the clock): every layer may speak them.
    const refused = CORE_FOLDERS.filter((f) => f !== folder && f !== 'ports' && !allowed.includes(f));
    return {
      files: [`electron/core/${folder}/**/*.ts`],
      ignores: TEST_SUPPORT,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: [electronPath],
            patterns: [
              { group: runtimePatterns, message: 'electron/ never imports the renderer or svelte.' },
              { group: refused.flatMap((f) => [`../${f}/**`, `../../${f}/**`]), message: `electron/core/${folder} may import only ${allowed.join(', ') || 'shared/'} (layer order, see eslint.config.js).` },
            ],
          },
        ],
      },
    };
  });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeOnly, 'svelte', 'svelte/*', '**/electron/**', '**/renderer/**'] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [...nodeOnly, '**/electron/**'] }] },
  },
  {
    files: ['electron/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/renderer/**', 'svelte', 'svelte/*'] }] },
  },
  {
    files: ['electron/core/**', 'electron/host/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: runtimePatterns, paths: [electronPath] }] },
  },
  ...coreLayerRules,
);

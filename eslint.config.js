// Lint: TypeScript + Svelte, and the hard borders between the three runtimes (../shared/STYLE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const nodeOnly = ['electron', 'node:*', 'fs', 'path', 'os', 'serialport', 'lowdb', 'lowdb/*', 'zwave-js', 'zwave-js/*', '@zwave-js/*', 'ws', '@seamapi/*'];

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
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/renderer/**', 'svelte', 'svelte/*'], paths: [{ name: 'electron', message: 'electron/core and electron/host also run under plain Node: keep Electron in electron/main and electron/preload.' }] }],
    },
  },
);

import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Two projects: `unit` (pure and main-process code, including Z-Wave against zwave-js's mock) and `e2e`
 * (the built app through the browser host in Debian chromium; needs `npm run build` first).
 */
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        plugins: [svelte()],
        test: {
          name: 'unit',
          // zwave-js changes behaviour under NODE_ENV=test (vitest's default): its driver then keeps pending
          // transactions on destroy and leaves its cache locked, which a real restart never sees. Run as in development.
          env: { NODE_ENV: 'development' },
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * One build for all three runtimes. The main bundle has two entries: `index` (Electron main) and `host`
 * (the browser host under plain Node); both share electron/core. Dependencies stay external (node_modules).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      minify: true,
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          host: resolve('electron/host/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [svelte()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});

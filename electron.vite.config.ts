import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * One build for all three runtimes. The main bundle has two entries: `index` (Electron main) and `host`
 * (the browser host under plain Node); both share electron/core. `dependencies` stay external (loaded from
 * node_modules: natives, zwave-js's device files, pdfkit's font data); `devDependencies` the main process uses are
 * bundled and minified, with function and class names kept: error handling reads them (Seam's SeamHttp*Error,
 * zwave-js's errors), and a minifier or the bundle's renaming would change them.
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
        output: { keepNames: true },
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

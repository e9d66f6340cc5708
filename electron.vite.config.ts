import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * One build for all three runtimes. The main bundle has two entries: `index` (Electron main) and `host`
 * (the browser host under plain Node); both share electron/core. `dependencies` stay external (loaded from
 * node_modules: natives, zwave-js's device files, pdfkit's font data); `devDependencies` the main process uses are
 * bundled and minified, with function and class names kept: error handling reads them (Seam's SeamHttp*Error,
 * zwave-js's errors), and a minifier or the bundle's renaming would change them.
 */
/**
 * electron-vite adds CommonJS shims (`const __filename`, `__dirname`, `require`) to an ESM chunk that uses them, as text
 * after bundling, so the bundler cannot rename around them. A bundled package that brings its own shim
 * (@seamapi/fake-seam-connect: `var require = createRequire(import.meta.url)`) then declares `require` twice and the
 * chunk does not load ("Identifier 'require' has already been declared"). As `var` the shim may be declared again, and
 * every declaration holds the same value. Runs after electron-vite's shim (built-in plugins come first).
 */
function redeclarableCjsShims(): Plugin {
  return {
    name: 'lockbench:redeclarable-cjs-shims',
    enforce: 'post',
    renderChunk(code) {
      if (!code.includes('// -- CommonJS Shims --')) return null;
      return code.replace(/^const (__filename|__dirname|require) = /gm, 'var $1 = ');
    },
  };
}

export default defineConfig({
  main: {
    plugins: [redeclarableCjsShims()],
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

/**
 * The Electron main process (built as out/main/index.js). Wiring only: the real Electron module, electron-log,
 * electron-updater and the services go to the shell's lifecycle in desktop-app.ts.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import electronLog from 'electron-log/main';
import { createAppServices } from '../core/app/create-app-services';
import { startCrashDumps } from './crash-dumps';
import { startDesktopApp } from './desktop-app';
import { createDesktopLog } from './desktop-log';
import { createDesktopPlatform } from './desktop-platform';
import { loadSerialportBinding } from './smoke-mode';
import { createUpdater } from './updates/create-updater';

/** Every import above has been evaluated by now: the smoke run reports this as the main module's load time. */
const mainLoadedMs = Math.round(performance.now());
// A closed pipe (the launcher went away) must not crash the app through an unhandled stream error.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

startDesktopApp({
  electron,
  mainDir: dirname(fileURLToPath(import.meta.url)),
  argv: process.argv,
  env: process.env,
  mainLoadedMs,
  now: () => Math.round(performance.now()),
  createLog: (options) => createDesktopLog(electronLog, options),
  startCrashDumps,
  createDesktopPlatform,
  createAppServices,
  createUpdater,
  loadSerialportBinding: () => loadSerialportBinding(),
});

import { spawn } from 'node:child_process';
import { connectHostClient, type HostClient } from '../e2e/support/ws-client';

/** The demo site's doors, by name (electron/core/app/controller-opener.ts). */
export const DEMO_DOORS = ['Back door', 'Front door', 'Garage side door'];

/** What one start of the browser host looked like to a page, in ms from spawning the process. */
export interface HostStartTimes {
  /** `Lockbench is ready: <url>` printed: the page is served. */
  urlMs: number;
  /** `doors.list` over the WebSocket first returned at least one demo door. */
  firstDoorMs: number;
  /** First usable page: `doors.list` over the WebSocket returned all three demo doors. */
  allDoorsMs: number;
  /** `Demo site ready: …` printed: the demo site connected and every lock interviewed (AppServices.ready). */
  interviewedMs: number;
}

/**
 * Starts the built browser host (out/main/host.js) on `dataDir` (its key file in `keyDir`) as its own process and
 * follows it the way the page does: when the URL is printed, opens the real WebSocket with the token from the URL and
 * asks `doors.list` for the demo site — at once and again on every `sites.changed` / `doors.changed` push — until all
 * demo doors are listed; and waits for the demo site's ready line. A fresh `dataDir` is a first start (every lock interviewed from scratch); a folder a
 * previous start used is the everyday start (doors in the store, zwave-js's cache warm).
 */
export async function measureHostStart(dataDir: string, keyDir: string): Promise<HostStartTimes> {
  const started = performance.now();
  const since = () => performance.now() - started;
  const child = spawn(process.execPath, ['out/main/host.js', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOCKBENCH_KEY_DIR: keyDir }, // the host's key file, kept out of the real home
  });
  let err = ''; // diagnostics are not measured; kept (the tail) for the error when the host fails
  child.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-2000)));
  let client: HostClient | null = null;
  try {
    return await new Promise<HostStartTimes>((resolve, reject) => {
      const times: Partial<HostStartTimes> = {};
      const finishIfDone = () => {
        if (times.allDoorsMs !== undefined && times.interviewedMs !== undefined) resolve(times as HostStartTimes);
      };
      const listDoors = async () => {
        const result = await client!.request('doors.list', { siteId: 'demo' });
        if (!result.ok) return; // the demo site is not created yet
        const names = result.value.map((d) => d.name).filter((name) => DEMO_DOORS.includes(name));
        if (names.length > 0) times.firstDoorMs ??= since();
        if (names.length === DEMO_DOORS.length) times.allDoorsMs ??= since();
        finishIfDone();
      };
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const url = /Lockbench is ready: (\S+)/.exec(out)?.[1];
        if (url && times.urlMs === undefined) {
          times.urlMs = since();
          void connectHostClient(url).then((c) => {
            client = c;
            c.on('sites.changed', () => void listDoors());
            c.on('doors.changed', () => void listDoors());
            return listDoors();
          }, reject);
        }
        if (times.interviewedMs === undefined && /Demo site ready: /.test(out)) {
          times.interviewedMs = since();
          if (client) void listDoors();
          finishIfDone();
        }
      });
      child.on('exit', (code) => reject(new Error(`host exited (${code}) before its doors were listed: ${out}${err}`)));
      setTimeout(() => reject(new Error(`host not ready within 90 s: ${out}`)), 90_000).unref();
    });
  } finally {
    (client as HostClient | null)?.close();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

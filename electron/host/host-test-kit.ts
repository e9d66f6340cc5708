import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { AppServices } from '../core/app/app-services';
import { createFakeHandlers } from '../core/ipc/dispatcher-fixtures';
import { createEventHub } from '../core/ipc/event-hub';

/** Test helpers for the browser host: fake services, a throwaway renderer folder, raw HTTP and WebSocket clients. */

/** Fake AppServices over the dispatcher fixtures, ready when `ready` resolves; `closed` turns true on close(). */
export function createFakeServices(ready: Promise<void> = Promise.resolve()): AppServices & { closed: boolean } {
  const services = {
    handlers: createFakeHandlers(),
    events: createEventHub(),
    ready,
    work: { changesInProgress: async () => 0, onChange: () => () => {} },
    saveDiagnostics: async () => ({ outcome: 'cancelled' as const }),
    closed: false,
    async close() {
      services.closed = true;
    },
  };
  return services;
}

/** A temp folder holding `renderer/` (index.html, assets/app.js, .secret) and a sibling `package.json`. */
export async function createRendererFixture(): Promise<{ rendererDir: string; remove: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), 'lockbench-host-'));
  const rendererDir = join(base, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Lockbench</title><script type="module" src="/assets/app.js"></script>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("lockbench");');
  await writeFile(join(rendererDir, '.secret'), 'hidden');
  await writeFile(join(base, 'package.json'), '{"name":"outside"}');
  return { rendererDir, remove: () => rm(base, { recursive: true, force: true }) };
}

/** A raw HTTP GET: the path is sent verbatim (no URL normalisation), headers as given. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Options for a test WebSocket connection; defaults are the legitimate client's. */
export interface ConnectOptions {
  protocols?: string[];
  origin?: string;
  host?: string;
  path?: string;
}

/** Opens a WebSocket; resolves with it when open, rejects with the server's refusal status (e.g. `401`). */
export function connect(port: number, token: string, options: ConnectOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ipc'}`, options.protocols ?? ['lockbench', `token.${token}`], {
    origin: options.origin ?? `http://127.0.0.1:${port}`,
    headers: options.host ? { host: options.host } : {},
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(String(res.statusCode)));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** The next message on a socket, parsed. */
export function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

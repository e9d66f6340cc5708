/**
 * The browser host as an attacker on this computer would meet it: no token, wrong Origin, garbage and malformed
 * payloads on every channel. Each is refused with a stable error code and the host keeps serving.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestChannels } from '../shared/contract';
import { startHost, type HostProcess } from './support/host-process';

let dataDir: string;
let host: HostProcess;
let origin: string;
let token: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lockbench-e2e-sec-'));
  host = await startHost(dataDir);
  const url = new URL(host.url);
  origin = url.origin;
  token = new URLSearchParams(url.hash.slice(1)).get('token')!;
}, 120_000);
afterAll(async () => {
  await host?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function connect(protocols: string[], headers: Record<string, string> = { Origin: origin }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${origin.replace('http', 'ws')}/ipc`, protocols, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)));
  });
}

function call(socket: WebSocket, id: number, channel: string, payload: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { kind: string; id?: number; result?: unknown };
      if (message.kind === 'response' && message.id === id) {
        socket.off('message', onMessage);
        resolve(message.result as { ok: boolean; error?: { code: string } });
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ kind: 'request', id, channel, payload }));
  });
}

describe('browser host security', () => {
  it('refuses a socket without the token, with a wrong token, or from another Origin', async () => {
    await expect(connect(['lockbench'])).rejects.toThrow(/refused|401|403/);
    await expect(connect(['lockbench', 'token.wrong'])).rejects.toThrow(/refused|401|403/);
    await expect(connect(['lockbench', `token.${token}`], { Origin: 'http://evil.example' })).rejects.toThrow(/refused|403/);
  });

  it('rejects malformed payloads on every channel with ipc.invalid_request and keeps serving', async () => {
    const socket = await connect(['lockbench', `token.${token}`]);
    let id = 1;
    for (const channel of requestChannels) {
      for (const payload of [null, 42, 'x', [], { unexpected: true, doorId: 7 }]) {
        const result = await call(socket, id++, channel, payload);
        expect(result, `${channel} with ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request' } });
      }
    }
    expect(await call(socket, id++, 'no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
    socket.send('not json at all');
    socket.send(Buffer.from([0xff, 0x00, 0x13]));
    expect(await call(socket, id++, 'app.info', {})).toMatchObject({ ok: true });
    socket.close();
    expect(host.child.exitCode).toBeNull();
  });
});

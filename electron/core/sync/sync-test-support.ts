import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LocalDateTime } from '../../../shared/domain/local-time';
import { instantToLocal } from '../../../shared/time';

/** The wall time at `at` in `zone`, as the installer types it. */
export function wallTimeIn(at: Date, zone: string): LocalDateTime {
  const { date, time } = instantToLocal(at, zone);
  return { date, time };
}

/**
 * How the network between Lockbench and the cloud behaves:
 * - `pass`: everything goes through;
 * - `refuse`: connections are cut at once (the laptop is offline);
 * - `lose_create`: the next create reaches the cloud but its answer never comes back (a timeout after the cloud did
 *   the work); later requests pass. `held_create` instead holds that create back and lets it reach the cloud only
 *   when the next create arrives (a slow request landing late: the retry then meets a 409).
 */
export type NetworkMode = 'pass' | 'refuse' | 'lose_create' | 'held_create';

/** A loopback HTTP proxy in front of the fake cloud whose network behaviour a test switches. */
export interface CloudNetwork {
  url: string;
  mode: NetworkMode;
  /** Requests seen, by path. */
  seen: string[];
  /** Called before each create is forwarded (a test starts an outage at the n-th). */
  onCreate: () => void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 forwarding to `target` (an http://127.0.0.1:port endpoint). */
export async function startCloudNetwork(target: string): Promise<CloudNetwork> {
  const to = new URL(target);
  let held: (() => void) | null = null;
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse | null) =>
    new Promise<void>((done) => {
      const out = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (res && !res.destroyed) {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
          }
          done();
        });
      });
      out.on('error', () => {
        res?.destroy();
        done();
      });
      out.end(body);
    });
  const network: CloudNetwork = { url: '', mode: 'pass', seen: [], onCreate: () => {}, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      network.seen.push(req.url ?? '');
      const isCreate = (req.url ?? '').startsWith('/access_codes/create');
      if (isCreate) network.onCreate();
      if (network.mode === 'refuse') return req.socket.destroy();
      if (isCreate && network.mode === 'lose_create') {
        network.mode = 'pass';
        return void forward(req, body, null); // the cloud creates it; the answer is lost (the client times out)
      }
      if (isCreate && network.mode === 'held_create') {
        network.mode = 'pass';
        held = () => void forward(req, body, null);
        return;
      }
      if (isCreate && held) {
        const release = held;
        held = null;
        release();
        return void new Promise((r) => setTimeout(r, 100)).then(() => forward(req, body, res));
      }
      void forward(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  network.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  network.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return network;
}

import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback proxy in front of the fake cloud that can keep back the answers to access-code creates: each create still
 * reaches the cloud (which makes the code), but Lockbench hears nothing while `isHoldingCreates` is on. That is the
 * moment between "the cloud did it" and "the laptop knows it", where a crash must not lead to a second create.
 *
 *   host ─▶ proxy ─▶ fake cloud          every request forwarded as it is
 *              ◀──── answer               held back for creates while isHoldingCreates (dropped when the host dies)
 */
export interface HoldingProxy {
  url: string;
  isHoldingCreates: boolean;
  /** Creates the proxy has received from Lockbench. */
  creates(): number;
  /** Resolves once `count` creates have been received. */
  waitForCreates(count: number, timeoutMs?: number): Promise<void>;
  /**
   * After the host is gone: resolves once its connections have closed and every request they carried has been
   * answered by the cloud (what was on the wire has landed).
   */
  landed(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the proxy on 127.0.0.1, forwarding to `target` (an http://127.0.0.1:port endpoint). */
export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const to = new URL(target);
  const inFlight = new Set<Promise<void>>();
  const held: ServerResponse[] = [];
  const connections = new Set<Socket>();
  let creates = 0;
  let waiters: Array<() => void> = [];
  let onClosed: (() => void) | null = null;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const isCreate = (req.url ?? '').startsWith('/access_codes/create');
      const isHeld = isCreate && proxy.isHoldingCreates;
      if (isCreate) {
        creates += 1;
        waiters.forEach((wake) => wake());
      }
      const forwarded = new Promise<void>((done) => {
        const out = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } }, (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (c: Buffer) => body.push(c));
          answer.on('end', () => {
            if (isHeld) held.push(res);
            else if (!res.destroyed) {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            }
            done();
          });
        });
        out.on('error', () => {
          res.destroy();
          done();
        });
        out.end(Buffer.concat(chunks));
      });
      inFlight.add(forwarded);
      void forwarded.then(() => inFlight.delete(forwarded));
    });
  });
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.on('close', () => {
      connections.delete(socket);
      onClosed?.();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const proxy: HoldingProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    isHoldingCreates: false,
    creates: () => creates,
    waitForCreates: (count, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${creates} of ${count} creates reached the proxy in ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (creates < count) return;
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== check);
          resolve();
        };
        waiters.push(check);
        check();
      }),
    landed: async () => {
      while (connections.size > 0 || inFlight.size > 0) {
        if (connections.size > 0) await new Promise<void>((resolve) => (onClosed = resolve));
        await Promise.all([...inFlight]);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        held.splice(0).forEach((res) => res.destroy());
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

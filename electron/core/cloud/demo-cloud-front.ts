import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The demo cloud's front door: a loopback HTTP server that hands each request to Seam's fake server (also on
 * loopback) after translating it into what the fake accepts. This is part of the product, not a test shim: the
 * demo cloud must answer Seam's official 2.x client the way Seam does, and the fake only accepts POST where the client
 * sends PATCH, PUT and DELETE (update, create_multiple, delete):
 *
 *   client ─ PATCH/PUT/DELETE ?query ─▶ front ─ POST { ...body, ...query } ─▶ fake
 *   client ─ GET / POST ──────────────▶ front ─ unchanged ────────────────▶ fake
 *
 * `hooks` let the demo cloud fill in what the fake leaves out of Seam's behaviour (demo-cloud-fidelity.ts).
 */

/** Seen by the demo cloud around each forwarded write (POST after translation). */
export interface DemoCloudFrontHooks {
  /** May change the JSON body before the fake sees it. */
  before(path: string, body: Record<string, unknown>): Record<string, unknown>;
  /** Told the fake's answer status once it has answered. */
  after(path: string, body: Record<string, unknown>, status: number): void;
}

/** The running front. */
export interface DemoCloudFront {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  close(): Promise<void>;
}

/** Largest request body the front reads (Seam's requests are small; this only bounds memory). */
const MAX_BODY_BYTES = 1_000_000;

/** Starts the front on 127.0.0.1 (a free port); `fakePort()` is read per request, so the fake may start after it. */
export async function startDemoCloudFront(fakePort: () => number, hooks: DemoCloudFrontHooks): Promise<DemoCloudFront> {
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    void forward(req, res, { port: fakePort(), agent }, hooks).catch(() => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'bad_gateway', message: 'The demo cloud could not answer.' } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

async function forward(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { port, agent }: { port: number; agent: http.Agent },
  hooks: DemoCloudFrontHooks,
): Promise<void> {
  const raw = await readBody(req);
  if (raw === null) {
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { type: 'payload_too_large', message: 'Request body too large.' } }));
    return;
  }
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const isGet = method === 'GET' || method === 'HEAD';
  let path = `${url.pathname}${url.search}`;
  let body: Record<string, unknown> = {};
  let payload = raw;
  if (!isGet) {
    body = parseObject(raw);
    if (method !== 'POST') {
      // PATCH/PUT/DELETE → POST: the client puts DELETE's parameters in the query string; the fake reads the body.
      for (const [key, value] of url.searchParams) if (key !== '_strict') body[key] = value === 'true' ? true : value === 'false' ? false : value;
      path = url.pathname;
    }
    body = hooks.before(url.pathname, body);
    payload = Buffer.from(JSON.stringify(body));
  }
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: `127.0.0.1:${port}` };
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  if (!isGet) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });

  const answer = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; data: Buffer }>((resolve, reject) => {
    const upstream = http.request({ host: '127.0.0.1', port, path, method: isGet ? method : 'POST', headers, agent }, (r) => {
      readBody(r, Infinity).then((data) => resolve({ status: r.statusCode ?? 502, headers: r.headers, data: data ?? Buffer.alloc(0) }), reject);
    });
    upstream.once('error', reject);
    upstream.end(isGet ? undefined : payload);
  });
  if (!isGet) hooks.after(url.pathname, body, answer.status);
  const outHeaders = { ...answer.headers };
  delete outHeaders['transfer-encoding'];
  delete outHeaders['connection'];
  res.writeHead(answer.status, { ...outHeaders, 'content-length': answer.data.length });
  res.end(answer.data);
}

/** The whole body, or null when it is larger than `limit`. */
async function readBody(stream: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseObject(raw: Buffer): Record<string, unknown> {
  try {
    const value: unknown = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

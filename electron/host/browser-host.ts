import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { realpath } from 'node:fs/promises';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppServices } from '../core/app/app-services';
import { createDispatcher } from '../core/ipc/dispatcher';
import { listenOnLoopback } from './listen';
import { isAllowedHost, isAllowedOrigin, offeredProtocols, offersValidToken, createToken, WIRE_PROTOCOL } from './request-guard';
import { cacheControlFor, SECURITY_HEADERS } from './security-headers';
import { send, serveSocket } from './socket-session';
import { readStaticFile, resolveStaticTarget } from './static-files';
import { eventFrame, MAX_FRAME_BYTES } from './wire-message';

/** Options for startBrowserHost. */
export interface BrowserHostOptions {
  services: AppServices;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** When `port` is taken, take a free one instead of failing. Default false. */
  fallbackToRandomPort?: boolean;
  /** Only loopback is supported: the host must never be reachable from the network. */
  host?: '127.0.0.1';
  /** One line per notable event (refusals, internal errors). Never receives payloads. */
  log?: (line: string) => void;
}

/** A running browser host. */
export interface BrowserHost {
  /** The page to open, with the token in the fragment (fragments are never sent to the server or in Referer). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the renderer and the IPC contract to a browser on this computer, for machines where Electron cannot run.
 *
 *   browser ──GET /, /assets/*──▶ Host check ─▶ static files (CSP, nosniff)
 *   browser ══WS /ipc═══════════▶ Host + Origin + token check ─▶ dispatcher ─▶ services
 *           ◀═════ events ══════ services.events (pushed to every open socket)
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => {});
  const token = createToken();
  const rootRealPath = await realpath(options.rendererDir);
  const dispatch = createDispatcher(options.services.handlers, log);
  const sockets = new Set<WebSocket>();
  let port = 0;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  });
  const server: Server = createServer((request, response) => {
    void serveHttp(request, response, port, rootRealPath).catch((error: unknown) => {
      log(`[host] static file error: ${error instanceof Error ? error.message : typeof error}`);
      if (!response.headersSent) respond(response, 500, 'Internal error');
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = upgradeRefusal(request, port, token);
    if (refusal) {
      log(`[host] refused a WebSocket: ${refusal.reason}`);
      socket.end(`HTTP/1.1 ${refusal.status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      serveSocket(ws, dispatch, log);
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  const unsubscribe = options.services.events.subscribe((channel, payload) => {
    let frame: string;
    try {
      frame = eventFrame(channel, payload);
    } catch {
      log(`[host] event ${channel} could not be serialised`);
      return;
    }
    for (const ws of sockets) send(ws, frame, log);
  });

  try {
    port = await listenOnLoopback(server, options.port ?? 0, options.fallbackToRandomPort ?? false);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  server.on('error', (error) => log(`[host] server error: ${error.message}`));

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Why an upgrade is refused (status line and a log reason), or null when it may proceed. */
function upgradeRefusal(request: IncomingMessage, port: number, token: string): { status: string; reason: string } | null {
  if (!isAllowedHost(request.headers.host, port)) return { status: '403 Forbidden', reason: 'wrong Host' };
  if (!isAllowedOrigin(request.headers.origin, port)) return { status: '403 Forbidden', reason: 'wrong Origin' };
  if ((request.url ?? '').split('?', 1)[0] !== '/ipc') return { status: '404 Not Found', reason: 'wrong path' };
  if (!offersValidToken(offeredProtocols(request.headers['sec-websocket-protocol']), token)) {
    return { status: '401 Unauthorized', reason: 'missing or wrong token' };
  }
  return null;
}

async function serveHttp(request: IncomingMessage, response: ServerResponse, port: number, root: string): Promise<void> {
  if (!isAllowedHost(request.headers.host, port)) return respond(response, 403, 'Forbidden');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return respond(response, 405, 'Method not allowed');
  }
  const target = resolveStaticTarget(request.url ?? '');
  if (target.kind === 'refused') return respond(response, 403, 'Forbidden');
  const file = await readStaticFile(root, target.relativePath);
  if (file.kind === 'refused') return respond(response, 403, 'Forbidden');
  if (file.kind === 'missing') return respond(response, 404, 'Not found');
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.body.byteLength),
    'Cache-Control': cacheControlFor(target.relativePath),
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

function respond(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(`${text}\n`);
}

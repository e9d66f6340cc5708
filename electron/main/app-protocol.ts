/**
 * The `app://lockbench/…` protocol: the built renderer (out/renderer) served to the window from a privileged, secure,
 * standard scheme instead of file:// (a file:// page may read any other file:// URL; an app:// page has one origin).
 *
 *   app://lockbench/<path> ─▶ resolveAppRequest (pure: host, method, segments) ─▶ file under the renderer folder
 *     ─▶ realpath still inside it (no symlink out) ─▶ bytes + MIME type + CSP + nosniff;  anything else ─▶ 4xx, same headers
 */
import fs from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Protocol } from 'electron';
import { cacheControlFor, CONTENT_SECURITY_POLICY } from '../host/security-headers';
import { contentTypeFor } from '../host/static-files';

/** Our scheme: the page's origin is `app://lockbench`. */
export const APP_SCHEME = 'app';
/** The one host the scheme serves. */
export const APP_HOST = 'lockbench';

/** How the privileged scheme is declared (before ready): standard (real origin), secure context, fetch, V8 code cache. */
export const APP_SCHEME_PRIVILEGES = { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } };

/** A request resolved to a file path inside the renderer folder (segments joined with '/'), or refused with a status. */
export type AppRequestLookup = { ok: true; relativePath: string } | { ok: false; status: 400 | 404 | 405; reason: string };

/**
 * Where a request may be answered from, without touching the disk. Only GET/HEAD on `app://lockbench` with no user,
 * password or port; `/` is index.html; every path segment is decoded once and must then be a plain name: no empty
 * segment (`//`), `.`, `..` (also `%2e%2e`), slash or backslash (also `%2f`, `%5c`), NUL, or drive colon.
 */
export function resolveAppRequest(url: string, method = 'GET'): AppRequestLookup {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST || parsed.port || parsed.username || parsed.password) {
    return { ok: false, status: 404, reason: 'not app://lockbench' };
  }
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: `method ${method}` };
  if (parsed.pathname === '/' || parsed.pathname === '') return { ok: true, relativePath: 'index.html' };
  const segments: string[] = [];
  for (const raw of parsed.pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'bad escape in the path' };
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      return { ok: false, status: 404, reason: 'not a plain path inside the renderer' };
    }
    segments.push(segment);
  }
  return { ok: true, relativePath: segments.join('/') };
}

/** The headers of every app:// response, file or refusal: its type, the renderer's CSP, nosniff and the cache policy. */
export function appResponseHeaders(relativePath: string, contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': cacheControlFor(relativePath),
  };
}

// Electron patches fs's callback functions to read inside app.asar: they are looked up on `fs` at call time.
const realpath = (path: string) => promisify(fs.realpath)(path);
const stat = (path: string) => promisify(fs.stat)(path);
const readFile = (path: string) => promisify(fs.readFile)(path);

/** True when `path` is `root` itself or below it (both already real paths). */
function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * The handler for `protocol.handle('app', …)`: answers from `rendererDir` only. A file whose real path (symlinks
 * followed) leaves the folder, a folder, or a missing file is a 404; nothing falls back to index.html (the renderer
 * does not route by path).
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  let realRoot: Promise<string> | null = null;
  // A missing renderer folder is looked up again on the next request.
  const rootOf = () => (realRoot ??= realpath(rendererDir).catch((error: unknown) => ((realRoot = null), Promise.reject(error))));
  const refuse = (status: number, relativePath = 'refused.txt') =>
    new Response(status === 404 ? 'Not found' : 'Refused', { status, headers: appResponseHeaders(relativePath, 'text/plain; charset=utf-8') });
  return async (request) => {
    const lookup = resolveAppRequest(request.url, request.method);
    if (!lookup.ok) return refuse(lookup.status);
    try {
      const root = await rootOf();
      const file = await realpath(join(root, ...lookup.relativePath.split('/')));
      if (!isInside(root, file) || !(await stat(file)).isFile()) return refuse(404);
      const headers = appResponseHeaders(lookup.relativePath, contentTypeFor(lookup.relativePath));
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(await readFile(file)), { status: 200, headers });
    } catch {
      return refuse(404);
    }
  };
}

/** Declares the scheme privileged. Electron requires this before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Serves the renderer folder on app:// (after ready). */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

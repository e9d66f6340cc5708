import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

/** Content types for what a vite build emits; anything else is served as opaque bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type header for a file name. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Where a request path leads: a path relative to the renderer folder, or refused (traversal, dotfiles, junk). */
export type StaticTarget = { kind: 'file'; relativePath: string } | { kind: 'refused' };

/**
 * Maps a raw request target (`/assets/app.js?x`) to a file under the renderer folder, refusing anything that could
 * leave it: `..` or `.` segments (also percent-encoded), backslashes, NUL, dotfiles, bad encoding. `/` is index.html.
 * Works on the raw target on purpose: URL parsing would silently collapse `..` instead of refusing it.
 */
export function resolveStaticTarget(rawTarget: string): StaticTarget {
  const pathPart = rawTarget.split(/[?#]/, 1)[0] ?? '';
  if (!pathPart.startsWith('/')) return { kind: 'refused' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return { kind: 'refused' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused' };
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment, index) => segment.startsWith('.') || (segment === '' && index < segments.length - 1))) {
    return { kind: 'refused' };
  }
  const relativePath = segments.join('/');
  return { kind: 'file', relativePath: relativePath === '' ? 'index.html' : relativePath };
}

/** A file read from the renderer folder, or why not. */
export type StaticFile = { kind: 'found'; body: Buffer; contentType: string } | { kind: 'missing' } | { kind: 'refused' };

/**
 * Reads a resolved file, checking again after symlinks are resolved that it is inside the renderer folder.
 * `rootRealPath` must be the realpath of the renderer folder.
 */
export async function readStaticFile(rootRealPath: string, relativePath: string): Promise<StaticFile> {
  const candidate = join(rootRealPath, ...relativePath.split('/'));
  let real: string;
  try {
    real = await realpath(candidate);
    if (!(await stat(real)).isFile()) return { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
  const fromRoot = relative(rootRealPath, real);
  if (fromRoot === '' || fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) {
    return { kind: 'refused' };
  }
  return { kind: 'found', body: await readFile(real), contentType: contentTypeFor(real) };
}

import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../host/security-headers';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, registerAppScheme, resolveAppRequest, serveAppProtocol } from './app-protocol';
import { contentTypeFor } from '../host/static-files';
import { createStandInElectron } from './testing/stand-in-electron';

describe('resolveAppRequest (pure)', () => {
  it('maps app://lockbench paths to files inside the renderer folder, / to index.html', () => {
    expect(resolveAppRequest('app://lockbench/')).toEqual({ ok: true, relativePath: 'index.html' });
    expect(resolveAppRequest('app://lockbench/index.html?x=1#/doors')).toEqual({ ok: true, relativePath: 'index.html' });
    expect(resolveAppRequest('app://lockbench/assets/index-1.js')).toEqual({ ok: true, relativePath: 'assets/index-1.js' });
    expect(resolveAppRequest('app://lockbench/assets/a%20b.css')).toEqual({ ok: true, relativePath: 'assets/a b.css' });
    expect(resolveAppRequest('app://LOCKBENCH/index.html', 'HEAD')).toEqual({ ok: true, relativePath: 'index.html' });
  });

  it('refuses other hosts, schemes, ports and users', () => {
    for (const url of ['app://evil/index.html', 'app://lockbench.evil/index.html', 'file:///etc/passwd', 'https://lockbench/index.html', 'app://lockbench:81/index.html', 'app://u:p@lockbench/index.html', 'app:///index.html']) {
      expect(resolveAppRequest(url), url).toMatchObject({ ok: false, status: 404 });
    }
    expect(resolveAppRequest('::not a url')).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('app://lockbench/index.html', 'POST')).toMatchObject({ ok: false, status: 405 });
  });

  it('refuses every way out of the folder: .., encoded dots and slashes, backslashes, absolute and drive paths, NUL', () => {
    for (const url of [
      'app://lockbench/assets/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://lockbench/..%2fmain%2findex.js',
      'app://lockbench/..%5cmain%5cindex.js',
      'app://lockbench/assets\\..\\..\\main\\index.js',
      'app://lockbench//etc/passwd',
      'app://lockbench/%2Fetc%2Fpasswd',
      'app://lockbench/C:/Windows/win.ini',
      'app://lockbench/C%3A%5CWindows%5Cwin.ini',
      'app://lockbench/index.html%00.js',
      'app://lockbench/assets/',
    ]) {
      expect(resolveAppRequest(url), url).toMatchObject({ ok: false, status: 404 });
    }
    // The URL parser itself folds ../ and %2e%2e/ at the root: what is left is a path inside the folder.
    expect(resolveAppRequest('app://lockbench/%2e%2e/%2e%2e/etc/passwd')).toEqual({ ok: true, relativePath: 'etc/passwd' });
    expect(resolveAppRequest('app://lockbench/a/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).toEqual({ ok: true, relativePath: 'etc/passwd' });
    expect(resolveAppRequest('app://lockbench/%E0%A4%A')).toMatchObject({ ok: false, status: 400 });
  });

  it('names the MIME types the renderer build uses', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('assets/index-DkLJ.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('fonts/x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('x.wasm')).toBe('application/wasm');
    expect(contentTypeFor('LICENSE')).toBe('application/octet-stream');
  });
});

describe('the app:// handler on a renderer folder', () => {
  let root: string;
  let renderer: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lockbench-protocol-'));
    renderer = join(root, 'renderer');
    await mkdir(join(renderer, 'assets'), { recursive: true });
    await writeFile(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
    await writeFile(join(renderer, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'outside');
    await mkdir(join(root, 'main'));
    await writeFile(join(root, 'main', 'index.js'), 'main');
    await symlink(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
    await symlink(join(renderer, 'assets', 'index.js'), join(renderer, 'assets', 'inside-link.js'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const expectHardened = (response: Response) => {
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it('serves index.html and assets with their types, the CSP and nosniff', async () => {
    const handle = createAppProtocolHandler(renderer);
    for (const [url, type, body] of [
      ['app://lockbench/', 'text/html; charset=utf-8', '<!doctype html>'],
      ['app://lockbench/index.html#/x', 'text/html; charset=utf-8', '<!doctype html>'],
      ['app://lockbench/assets/index.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://lockbench/assets/inside-link.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ] as const) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(await response.text()).toContain(body);
      expectHardened(response);
    }
    const head = await handle(new Request('app://lockbench/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 404 (with the same headers) for missing files, folders, other hosts, traversal and symlinks out', async () => {
    const handle = createAppProtocolHandler(renderer);
    for (const url of [
      'app://lockbench/missing.html',
      'app://lockbench/assets',
      'app://other/index.html',
      'app://lockbench/%2e%2e/secret.txt',
      'app://lockbench/..%2fsecret.txt',
      'app://lockbench/..%5cmain%5cindex.js',
      'app://lockbench/assets/link.txt',
      `app://lockbench/${encodeURIComponent(join(root, 'secret.txt'))}`,
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('outside');
      expectHardened(response);
    }
    expect((await handle(new Request('app://lockbench/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('is registered privileged before ready and served through Electron protocol.handle after it', async () => {
    const electron = createStandInElectron();
    registerAppScheme(electron.protocol);
    expect(electron.protocol.privileged).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
    await electron.app.whenReady();
    serveAppProtocol(electron.protocol, renderer);
    expect(electron.protocol.isProtocolHandled('app')).toBe(true);
    expect((await electron.protocol.request('app://lockbench/assets/index.js')).status).toBe(200);
    expect((await electron.protocol.request('app://lockbench/assets/link.txt')).status).toBe(404);
  });
});

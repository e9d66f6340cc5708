import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { fakeCode, fakeValues } from '../core/ipc/dispatcher-fixtures';
import { startBrowserHost, type BrowserHost } from './browser-host';
import { connect, createFakeServices, createRendererFixture, nextMessage, rawGet } from './host-test-kit';
import { CONTENT_SECURITY_POLICY } from './security-headers';

describe('startBrowserHost', () => {
  let host: BrowserHost;
  let services: ReturnType<typeof createFakeServices>;
  let remove: () => Promise<void>;
  const logs: string[] = [];
  const open: WebSocket[] = [];

  beforeEach(async () => {
    const fixture = await createRendererFixture();
    remove = fixture.remove;
    services = createFakeServices();
    host = await startBrowserHost({ services, rendererDir: fixture.rendererDir, port: 0, log: (line) => logs.push(line) });
  });

  afterEach(async () => {
    for (const ws of open) ws.terminate();
    open.length = 0;
    await host.close();
    await remove();
  });

  const authed = async () => {
    const ws = await connect(host.port, host.token);
    open.push(ws);
    return ws;
  };

  it('gives a loopback URL carrying a fresh base64url token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves index.html and assets with content types and security headers', async () => {
    const index = await rawGet(host.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect(index.headers['referrer-policy']).toBe('no-referrer');
    expect(index.headers['cache-control']).toBe('no-store');
    const script = await rawGet(host.port, '/assets/app.js?v=1', { host: `localhost:${host.port}` });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawGet(host.port, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal and dotfiles', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/..\\package.json', '/.secret', '/%00', '/%E0%A4%A']) {
      const response = await rawGet(host.port, path);
      expect(response.status, path).toBe(403);
      expect(response.body).not.toContain('outside');
    }
  });

  it('refuses requests whose Host is not ours (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example', `evil.example:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`, `0.0.0.0:${host.port}`]) {
      expect((await rawGet(host.port, '/', { host: hostHeader })).status, hostHeader).toBe(403);
    }
    await expect(connect(host.port, host.token, { host: `evil.example:${host.port}` })).rejects.toThrow('403');
  });

  it('refuses a WebSocket without the right token or from another Origin', async () => {
    await expect(connect(host.port, host.token, { protocols: ['lockbench'] })).rejects.toThrow('401');
    await expect(connect(host.port, host.token, { protocols: ['lockbench', 'token.wrong'] })).rejects.toThrow('401');
    await expect(connect(host.port, host.token, { protocols: ['token.' + host.token] })).rejects.toThrow('401');
    await expect(connect(host.port, host.token, { protocols: ['lockbench', `token.${host.token}`, 'token.other'] })).rejects.toThrow('401');
    await expect(connect(host.port, host.token, { origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(connect(host.port, host.token, { origin: `http://127.0.0.1:${host.port + 1}` })).rejects.toThrow('403');
    await expect(connect(host.port, host.token, { origin: 'null' })).rejects.toThrow('403');
    await expect(connect(host.port, host.token, { path: '/other' })).rejects.toThrow('404');
    expect(logs.join('\n')).not.toContain(host.token);
  });

  it('round-trips a request and selects the lockbench subprotocol', async () => {
    const ws = await authed();
    expect(ws.protocol).toBe('lockbench');
    ws.send(JSON.stringify({ kind: 'request', id: 1, channel: 'sites.list', payload: {} }));
    expect(await nextMessage(ws)).toEqual({ kind: 'response', id: 1, result: { ok: true, value: fakeValues['sites.list'] } });
    ws.send(JSON.stringify({ kind: 'request', id: 2, channel: 'codes.list', payload: { doorId: 5 } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'ipc.invalid_request' } } });
  });

  it('pushes service events to every open socket', async () => {
    const [a, b] = [await authed(), await authed()];
    const pending = [nextMessage(a), nextMessage(b)];
    services.events.emit('codes.changed', fakeCode);
    for (const message of await Promise.all(pending)) {
      expect(message).toEqual({ kind: 'event', channel: 'codes.changed', payload: fakeCode });
    }
  });

  it('survives garbage frames and keeps answering', async () => {
    const ws = await authed();
    ws.send('not json{');
    ws.send(Buffer.from([0, 1, 2, 3]), { binary: true });
    ws.send('null');
    ws.send('[1,2]');
    ws.send(JSON.stringify({ kind: 'request', channel: 'sites.list' }));
    ws.send(JSON.stringify({ kind: 'response', id: 7, result: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 7, result: { ok: false, error: { code: 'ipc.invalid_request' } } });
    ws.send(JSON.stringify({ kind: 'request', id: 8, channel: '__proto__', payload: JSON.parse('{"__proto__":{"x":1}}') }));
    expect(await nextMessage(ws)).toMatchObject({ id: 8, result: { ok: false, error: { code: 'ipc.unknown_channel' } } });
    ws.send(JSON.stringify({ kind: 'request', id: 9, channel: 'app.info', payload: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 9, result: { ok: true } });
  });

  it('closes a socket that sends more than 1 MiB, and keeps serving others', async () => {
    const big = await authed();
    const closed = new Promise<number>((resolve) => big.once('close', (code) => resolve(code)));
    big.send(JSON.stringify({ kind: 'request', id: 1, channel: 'app.info', payload: { x: 'y'.repeat(1024 * 1024) } }));
    expect(await closed).toBe(1009);
    const ws = await authed();
    ws.send(JSON.stringify({ kind: 'request', id: 3, channel: 'app.info', payload: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 3, result: { ok: true } });
  });
});

import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppServicesOptions } from '../core/app/app-services';
import { CliUsageError } from './cli-options';
import { hostKeyFile } from './host-key-vault';
import { createFakeServices, createRendererFixture, rawGet } from './host-test-kit';
import { listenOnLoopback } from './listen';
import { DEMO_READY_PREFIX, READY_PREFIX, runBrowserHost, type RunHostDeps } from './run-host';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(argv: string[], overrides: Partial<RunHostDeps> = {}, ready?: Promise<void>) {
  const fixture = await createRendererFixture();
  cleanups.push(fixture.remove);
  const services = createFakeServices(ready);
  const lines: string[] = [];
  const seen: AppServicesOptions[] = [];
  const deps: RunHostDeps = {
    argv,
    env: {},
    platform: 'linux',
    home: '/home/ana',
    version: '1.2.3',
    rendererDir: fixture.rendererDir,
    createServices: async (options) => {
      seen.push(options);
      return services;
    },
    out: (line) => lines.push(line),
    err: () => {},
    ...overrides,
  };
  return { deps, services, lines, seen };
}

describe('runBrowserHost', () => {
  it('prints the starting line, then exactly one ready line with the tokenised URL', async () => {
    const { deps, services, lines, seen } = await setup(['--data-dir', '/tmp/lb', '--port', '0', '--no-demo']);
    const running = await runBrowserHost(deps);
    cleanups.push(() => running.stop());
    expect(seen).toEqual([{ dataDir: '/tmp/lb', host: 'browser', version: '1.2.3', connectDemoOnStart: false, openBuildingOnStart: false, demoClock: false, platform: expect.anything() }]);
    expect(seen[0]!.platform!.secrets.describe()).toBe(`the browser host's key file ${hostKeyFile({ dataDir: '/tmp/lb', env: {}, platform: 'linux', home: '/home/ana' })}`);
    expect(lines).toEqual(['Starting Lockbench (data: /tmp/lb)…', `${READY_PREFIX}${running.host.url}`]);
    expect(running.host.url).toContain('#token=');
    expect((await rawGet(running.host.port, '/')).status).toBe(200);
    await running.stop();
    expect(services.closed).toBe(true);
  });

  it('falls back to a free port when the default one is busy, but not when the port was asked for', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const busy = (blocker.address() as { port: number }).port;

    const explicit = await setup(['--port', String(busy)]);
    await expect(runBrowserHost(explicit.deps)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(explicit.services.closed).toBe(true);

    const server = createHttpServer();
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const port = await listenOnLoopback(server, busy, true);
    expect(port).not.toBe(busy);
    expect(server.address()).toMatchObject({ address: '127.0.0.1', port });
  });

  it('serves the page and prints its URL before the demo site is ready, then a line when it is', async () => {
    let demoConnected!: () => void;
    const { deps, lines } = await setup(['--port', '0'], {}, new Promise<void>((resolve) => (demoConnected = resolve)));
    const demoLine = new Promise<void>((resolve) => {
      deps.out = (line) => (lines.push(line), line.startsWith(DEMO_READY_PREFIX) && resolve());
    });
    const running = await runBrowserHost(deps);
    cleanups.push(() => running.stop());
    expect(lines).toEqual([expect.stringMatching(/^Starting Lockbench/), `${READY_PREFIX}${running.host.url}`]);
    expect((await rawGet(running.host.port, '/')).status).toBe(200);
    demoConnected();
    await demoLine;
    expect(lines.at(-1)).toBe(`${DEMO_READY_PREFIX}Front door`);
  });

  it('keeps serving when the demo site fails to connect (the page shows why), and refuses bad command lines before starting anything', async () => {
    const failed = Promise.reject(new Error('no stick'));
    failed.catch(() => {});
    const { deps, services, lines } = await setup(['--port', '0'], {}, failed);
    const running = await runBrowserHost(deps);
    cleanups.push(() => running.stop());
    await services.ready.catch(() => {});
    expect(services.closed).toBe(false);
    expect(lines.filter((l) => l.startsWith(DEMO_READY_PREFIX))).toEqual([]);
    expect((await rawGet(running.host.port, '/')).status).toBe(200);

    const bad = await setup(['--bogus']);
    await expect(runBrowserHost(bad.deps)).rejects.toThrow(CliUsageError);
    expect(bad.seen).toEqual([]);
  });
});

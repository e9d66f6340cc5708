import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketBridge } from './websocket-bridge';
import type { SocketLike } from './websocket-bridge';
import { sampleCode, sampleSite } from '../testing/sample-data';

/** A WebSocket stand-in: records what was sent; the test opens, answers and drops it. */
class FakeSocket implements SocketLike {
  static instances: FakeSocket[] = [];
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: Array<Record<string, unknown>> = [];
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.instances.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
  receive(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

const latest = () => FakeSocket.instances.at(-1)!;
const quiet = vi.fn();

function connect() {
  return createWebSocketBridge({ url: 'ws://127.0.0.1:5170/ipc', token: 'secret', Socket: FakeSocket, report: quiet });
}

beforeEach(() => {
  FakeSocket.instances = [];
  quiet.mockClear();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('createWebSocketBridge', () => {
  it('connects to /ipc with the lockbench and token subprotocols', () => {
    connect();
    expect(latest().url).toBe('ws://127.0.0.1:5170/ipc');
    expect(latest().protocols).toEqual(['lockbench', 'token.secret']);
  });

  it('holds requests until the socket opens, then matches answers by id', async () => {
    const bridge = connect();
    const first = bridge.request('sites.list', {});
    const second = bridge.request('ports.list', {});
    expect(latest().sent).toEqual([]);
    latest().open();
    expect(latest().sent.map((m) => [m.kind, m.id, m.channel])).toEqual([
      ['request', 1, 'sites.list'],
      ['request', 2, 'ports.list'],
    ]);
    latest().receive({ kind: 'response', id: 2, result: { ok: true, value: { ports: [], listError: null } } });
    latest().receive({ kind: 'response', id: 1, result: { ok: true, value: [sampleSite()] } });
    expect(await first).toEqual({ ok: true, value: [sampleSite()] });
    expect(await second).toEqual({ ok: true, value: { ports: [], listError: null } });
    expect(bridge.linkState).toBe('up');
  });

  it('passes error results through with their code and details', async () => {
    const bridge = connect();
    latest().open();
    const result = bridge.request('codes.create', { doorId: 'door-1', code: '12' });
    const error = { code: 'codes.constraint_violated', message: 'too short', details: { rule: 'supported_code_lengths' } };
    latest().receive({ kind: 'response', id: 1, result: { ok: false, error } });
    expect(await result).toEqual({ ok: false, error });
  });

  it('turns an answer that breaks the contract into ipc.internal without logging values', async () => {
    const bridge = connect();
    latest().open();
    const result = bridge.request('codes.list', { doorId: 'door-1' });
    latest().receive({ kind: 'response', id: 1, result: { ok: true, value: [{ code: 1234 }] } });
    const answer = await result;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('ipc.internal');
    expect(JSON.stringify(quiet.mock.calls)).not.toContain('1234');
  });

  it('turns an unknown error code into ipc.internal', async () => {
    const bridge = connect();
    latest().open();
    const result = bridge.request('sites.list', {});
    latest().receive({ kind: 'response', id: 1, result: { ok: false, error: { code: 'nope', message: 'x' } } });
    expect((await result).ok).toBe(false);
    expect(JSON.stringify(await result)).toContain('ipc.internal');
  });

  it('dispatches valid events to listeners and drops malformed ones', () => {
    const bridge = connect();
    latest().open();
    const seen: string[] = [];
    const off = bridge.on('codes.changed', (code) => seen.push(code.status));
    latest().receive({ kind: 'event', channel: 'codes.changed', payload: sampleCode({ status: 'set' }) });
    latest().receive({ kind: 'event', channel: 'codes.changed', payload: { status: 'set' } });
    latest().receive({ kind: 'event', channel: 'no.such', payload: {} });
    latest().receive('not json');
    off();
    latest().receive({ kind: 'event', channel: 'codes.changed', payload: sampleCode({ status: 'removing' }) });
    expect(seen).toEqual(['set']);
    expect(quiet).toHaveBeenCalledTimes(3);
  });

  it('fails pending requests with transport.disconnected when the socket drops, and reconnects with backoff', async () => {
    const bridge = connect();
    const links: string[] = [];
    bridge.onLinkChange((state) => links.push(state));
    latest().open();
    const pending = bridge.request('doors.check', { doorId: 'door-1' });
    latest().drop();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'transport.disconnected' } });
    expect(bridge.linkState).toBe('down');

    vi.advanceTimersByTime(249);
    expect(FakeSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(2);
    latest().drop();
    vi.advanceTimersByTime(499);
    expect(FakeSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.instances).toHaveLength(3);
    latest().open();
    expect(links).toEqual(['up', 'down', 'up']);

    const again = bridge.request('sites.list', {});
    latest().receive({ kind: 'response', id: latest().sent[0]!.id, result: { ok: true, value: [] } });
    expect(await again).toEqual({ ok: true, value: [] });
  });

  it('caps the backoff and stops after close()', async () => {
    const bridge = connect();
    for (let i = 0; i < 10; i++) {
      latest().drop();
      vi.advanceTimersByTime(5000);
    }
    expect(FakeSocket.instances).toHaveLength(11);
    bridge.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.instances).toHaveLength(11);
    expect(await bridge.request('sites.list', {})).toMatchObject({ ok: false, error: { code: 'transport.disconnected' } });
  });
});

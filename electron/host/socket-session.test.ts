import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../shared/result';
import { MAX_IN_FLIGHT } from '../core/ipc/in-flight-limit';
import { serveSocket } from './socket-session';

/** An open socket as serveSocket sees it: messages in, frames out (parsed). */
function fakeSocket() {
  const socket = Object.assign(new EventEmitter(), {
    OPEN: 1,
    readyState: 1,
    sent: [] as Array<{ id: number; result: Result<unknown> }>,
    send(frame: string, done?: (error?: Error) => void) {
      socket.sent.push(JSON.parse(frame));
      done?.();
    },
  });
  const request = (id: number) => socket.emit('message', Buffer.from(JSON.stringify({ kind: 'request', id, channel: 'sites.list', payload: {} })), false);
  return { socket, request };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a browser-host socket flooding requests', () => {
  it('gets ipc.busy (not ipc.invalid_request) over the in-flight cap, without dispatching; the cap frees as answers go out', async () => {
    const { socket, request } = fakeSocket();
    const pending: Array<() => void> = [];
    let dispatched = 0;
    const dispatch = () => {
      dispatched += 1;
      return new Promise<Result<unknown>>((resolve) => pending.push(() => resolve(ok('done'))));
    };
    serveSocket(socket as unknown as WebSocket, dispatch, () => {});

    for (let id = 1; id <= MAX_IN_FLIGHT + 3; id++) request(id);
    await settle();
    expect(dispatched).toBe(MAX_IN_FLIGHT);
    expect(socket.sent.map((f) => f.id)).toEqual([MAX_IN_FLIGHT + 1, MAX_IN_FLIGHT + 2, MAX_IN_FLIGHT + 3]);
    expect(socket.sent.every((f) => !f.result.ok && f.result.error.code === 'ipc.busy')).toBe(true);

    pending.splice(0, 1)[0]!(); // one answer goes out: room for one more
    await settle();
    request(100);
    await settle();
    expect(dispatched).toBe(MAX_IN_FLIGHT + 1);
    expect(socket.sent.find((f) => f.id === 1)?.result).toEqual({ ok: true, value: 'done' });
    expect(socket.sent.some((f) => f.id === 100)).toBe(false); // dispatched, waiting: not refused
  });
});

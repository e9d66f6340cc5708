import type { Page, WebSocketRoute } from 'playwright-core';
import type { WireMessage } from '../../shared/bridge';
import type { EventChannel, EventOf } from '../../shared/contract';

/**
 * Sits on the page's IPC socket (`/ipc`) and can hold back one channel's push events, the way a slow link would: the
 * page keeps showing what it last heard while the host goes on. Requests, answers and every other event pass at once.
 * A test then looks at (and runs axe on) a screen that would otherwise be gone in a second, and lets the held
 * events through one by one to watch the screen follow them.
 *
 *   page ──requests──────────────────────────────▶ host
 *   page ◀──answers, other events─────────────────  host
 *   page ◀──held events (release / releaseAll)──┤◀─ host   while holding `channel`
 */
export interface EventGate<E extends EventChannel> {
  /** From now on, events of the channel wait in the gate. */
  hold(): void;
  /** The payloads waiting, oldest first. */
  held(): ReadonlyArray<EventOf<E>>;
  /** Resolves once a held payload satisfies `test` (the host has got that far), with that payload. */
  waitForHeld(test: (payload: EventOf<E>) => boolean, timeoutMs?: number): Promise<EventOf<E>>;
  /** Lets the oldest held event through; resolves with its payload (null when none waits). */
  releaseNext(): EventOf<E> | null;
  /** Lets every held event through in order and stops holding. */
  open(): void;
}

/**
 * Routes the page's IPC socket through a gate for `channel` (call before `page.goto`: the page's WebSocket is
 * replaced when the page loads). A socket the page opens again (after a reconnect) goes through the gate too.
 */
export async function gatePageEvents<E extends EventChannel>(page: Page, channel: E): Promise<EventGate<E>> {
  let isHolding = false;
  let route: WebSocketRoute | null = null;
  const waiting: Array<{ raw: string; payload: EventOf<E> }> = [];
  let onHeld: Array<() => void> = [];

  const isOfChannel = (raw: string | Buffer): EventOf<E> | null => {
    if (typeof raw !== 'string') return null;
    try {
      const message = JSON.parse(raw) as WireMessage;
      return message.kind === 'event' && message.channel === channel ? (message.payload as EventOf<E>) : null;
    } catch {
      return null;
    }
  };

  await page.routeWebSocket(
    (url) => url.pathname === '/ipc',
    (ws) => {
      route = ws;
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        const payload = isHolding ? isOfChannel(message) : null;
        if (payload === null || typeof message !== 'string') return ws.send(message);
        waiting.push({ raw: message, payload });
        onHeld.forEach((wake) => wake());
      });
    },
  );

  const releaseNext = (): EventOf<E> | null => {
    const next = waiting.shift();
    if (!next) return null;
    route?.send(next.raw);
    return next.payload;
  };

  return {
    hold: () => {
      isHolding = true;
    },
    held: () => waiting.map((w) => w.payload),
    waitForHeld: (test, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          onHeld = onHeld.filter((w) => w !== check);
          reject(new Error(`no held ${channel} event matched in ${timeoutMs} ms (${waiting.length} held)`));
        }, timeoutMs);
        const check = () => {
          const found = waiting.find((w) => test(w.payload));
          if (!found) return;
          clearTimeout(timer);
          onHeld = onHeld.filter((w) => w !== check);
          resolve(found.payload);
        };
        onHeld.push(check);
        check();
      }),
    releaseNext,
    open: () => {
      isHolding = false;
      while (releaseNext() !== null);
    },
  };
}

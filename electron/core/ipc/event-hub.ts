import type { EventChannel, EventOf } from '../../../shared/contract';

/** Receives every push event, whichever transport forwards it. */
export type EventListener = <E extends EventChannel>(channel: E, payload: EventOf<E>) => void;

/** Fan-out of push events from the services to the transports (Electron window, browser host sockets). */
export interface EventHub {
  emit<E extends EventChannel>(channel: E, payload: EventOf<E>): void;
  subscribe(listener: EventListener): () => void;
}

/** Creates an event hub; a listener that throws is isolated from the others. */
export function createEventHub(onListenerError: (error: unknown) => void = () => {}): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(channel, payload) {
      for (const listener of listeners) {
        try {
          listener(channel, payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The loopback address the browser host binds to; never 0.0.0.0. */
export const LOOPBACK = '127.0.0.1';

/**
 * Listens on 127.0.0.1:`port` and resolves with the bound port. When the port is taken and `fallbackToRandom` is
 * set, listens on a free port instead (a fixed default port keeps bookmarks working, but must never block a start).
 */
export async function listenOnLoopback(server: Server, port: number, fallbackToRandom: boolean): Promise<number> {
  try {
    return await listenOnce(server, port);
  } catch (error) {
    if (fallbackToRandom && port !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      return listenOnce(server, 0);
    }
    throw error;
  }
}

function listenOnce(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host: LOOPBACK, exclusive: true });
  });
}

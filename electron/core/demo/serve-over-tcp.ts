import { createServer, type AddressInfo, type Socket } from 'node:net';
import { isZWaveSerialBindingFactory, SerialAPIParser, ZWaveSerialFrameType, type ZWaveSerialBinding } from '@zwave-js/serial';
import type { VirtualStick } from './virtual-stick';

/** The byte chunk type of zwave-js serial bindings (zwave-js's BytesView). */
type BytesView = ZWaveSerialBinding['sink'] extends UnderlyingSink<infer T> ? T : never;

/** A virtual stick served on a local TCP port (for `tcp://` and for socat → pseudo-terminal). */
export interface TcpServedStick {
  /** "tcp://127.0.0.1:<port>", usable as an openZWaveNetwork port. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves a virtual stick on 127.0.0.1 (never other interfaces), taking the driver's place on the stick's binding.
 * TCP does not keep write boundaries, but the mock controller wants one whole Serial API frame per chunk, so bytes from
 * the socket are re-split into frames (ACK/NAK/CAN bytes, SOF frames by length) with zwave-js's SerialAPIParser — the
 * same idea as zwave-js's own serveMockPortViaTCP. One client at a time; the stick cannot also be opened directly.
 */
export async function serveVirtualStickOverTcp(stick: VirtualStick, port = 0): Promise<TcpServedStick> {
  const factory = typeof stick.port === 'string' ? undefined : stick.port.factory;
  if (!isZWaveSerialBindingFactory(factory)) throw new Error('This stick has no in-process binding to serve');
  const binding = await factory();
  let client: Socket | undefined;

  // Stick → client, byte for byte.
  void new ReadableStream<BytesView>(binding.source)
    .pipeTo(new WritableStream({ write: (chunk) => void client?.write(chunk) }))
    .catch(() => undefined);
  const toStick = new WritableStream<BytesView>(binding.sink).getWriter();

  const server = createServer((socket) => {
    client?.destroy();
    client = socket;
    const parser = new SerialAPIParser();
    const parserIn = parser.writable.getWriter();
    void parser.readable
      .pipeTo(
        new WritableStream({
          write(frame) {
            if (frame.type !== ZWaveSerialFrameType.SerialAPI) return;
            const data: BytesView = typeof frame.data === 'number' ? Uint8Array.of(frame.data) : frame.data;
            void toStick.write(data).catch(() => undefined);
          },
        }),
      )
      .catch(() => undefined);
    socket.on('data', (chunk) => void parserIn.write(chunk).catch(() => undefined));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (client === socket) client = undefined;
      void parserIn.abort().catch(() => undefined);
    });
  });
  server.maxConnections = 1;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `tcp://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        client?.destroy();
        server.close(() => resolve());
      }),
  };
}

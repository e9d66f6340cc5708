import { concatBytes } from './bytes';
import { NUKI_COMMAND } from './command-ids';
import { hasValidCrc } from './crc';
import { ADATA_BYTES } from './frames';

/**
 * Turns the lock's 20-byte indications back into whole messages. With the default MTU one reply arrives as several
 * chunks, in order (nuki-ble.md §1):
 *
 *   chunks ─▶ buffer ─┬─ encrypted: total = 30 + len (u16 at offset 28); may split inside a chunk
 *                     └─ plain:     total from `frameSize(cmd)` when known, else the buffer once its CRC checks out
 *
 * Without a known size a plain frame is taken to end with a chunk (the lock starts every message in a new
 * indication); a CRC that matches by chance at a chunk end (1 in 65,536) would cut it short, so known sizes win.
 */

/** Total sizes (cmd + payload + CRC) of the unencrypted messages of pairing. */
export const PLAIN_FRAME_SIZES: Readonly<Record<number, number>> = {
  [NUKI_COMMAND.PUBLIC_KEY]: 36,
  [NUKI_COMMAND.CHALLENGE]: 36,
  [NUKI_COMMAND.AUTHORIZATION_AUTHENTICATOR]: 36,
  [NUKI_COMMAND.AUTHORIZATION_DATA]: 105,
  [NUKI_COMMAND.AUTHORIZATION_ID]: 88,
  [NUKI_COMMAND.AUTHORIZATION_ID_CONFIRMATION]: 40,
  [NUKI_COMMAND.STATUS]: 5,
  [NUKI_COMMAND.ERROR_REPORT]: 7,
};

/** The known total size of an unencrypted message, or undefined (then the CRC decides). */
export function plainFrameSize(commandId: number): number | undefined {
  return PLAIN_FRAME_SIZES[commandId];
}

/** How the reassembler finds where a message ends. */
export interface ReassemblerOptions {
  kind: 'plain' | 'encrypted';
  /** Plain frames only: the expected total size for a command id. Default plainFrameSize; `() => undefined` = CRC only. */
  frameSize?: (commandId: number) => number | undefined;
  /** Larger frames are treated as garbage and dropped. Default 1024 bytes. */
  maxFrameBytes?: number;
  /** Told when buffered bytes are dropped, with why. */
  onDiscard?: (bytes: Uint8Array, reason: string) => void;
}

/** Feeds indication chunks in, gets whole messages out. */
export interface Reassembler {
  /** Adds one indication; returns every message it completed (zero, one or more), in order. */
  push(chunk: Uint8Array): Uint8Array[];
  /** Drops a partial message (after a timeout or reconnect). */
  reset(): void;
  /** Bytes of a message still incomplete. */
  readonly pendingBytes: number;
}

/** Creates a reassembler for one characteristic. */
export function createReassembler(options: ReassemblerOptions): Reassembler {
  const frameSize = options.frameSize ?? plainFrameSize;
  const maxFrameBytes = options.maxFrameBytes ?? 1024;
  let buffer: Uint8Array = new Uint8Array(0);

  const discard = (reason: string): void => {
    options.onDiscard?.(buffer, reason);
    buffer = new Uint8Array(0);
  };

  /** The size of the frame at the start of the buffer, 'crc' to decide by CRC, or null while the header is incomplete. */
  const nextSize = (): number | 'crc' | null => {
    if (options.kind === 'encrypted') {
      if (buffer.length < ADATA_BYTES) return null;
      return ADATA_BYTES + ((buffer[28] as number) | ((buffer[29] as number) << 8));
    }
    if (buffer.length < 2) return null;
    return frameSize((buffer[0] as number) | ((buffer[1] as number) << 8)) ?? 'crc';
  };

  return {
    push(chunk) {
      buffer = concatBytes(buffer, chunk);
      const done: Uint8Array[] = [];
      for (;;) {
        const size = nextSize();
        if (size === null) break;
        if (size === 'crc') {
          if (buffer.length >= 4 && hasValidCrc(buffer)) {
            done.push(buffer);
            buffer = new Uint8Array(0);
          } else if (buffer.length > maxFrameBytes) {
            discard(`no valid CRC within ${maxFrameBytes} bytes`);
          }
          break;
        }
        if (size > maxFrameBytes) {
          discard(`frame of ${size} bytes exceeds ${maxFrameBytes}`);
          break;
        }
        if (buffer.length < size) break;
        done.push(buffer.slice(0, size));
        buffer = buffer.slice(size);
      }
      return done;
    },
    reset() {
      buffer = new Uint8Array(0);
    },
    get pendingBytes() {
      return buffer.length;
    },
  };
}

import type { BleLink } from '../../ble/ble-radio';
import { NUKI_GATT } from '../../nuki/protocol/command-ids';
import { decodeEncryptedFrame, decodePlainFrame, encodeEncryptedFrame, encodePlainFrame, readEncryptedHeader, type NukiMessage } from '../../nuki/protocol/frames';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import { createReassembler } from '../../nuki/protocol/reassembly';
import { CodedError } from '../../../../shared/result';
import { errorReply } from './lock-replies';
import type { PairingSession } from './virtual-nuki-pairing';
import type { VirtualNukiLock } from './virtual-nuki-lock';

/**
 * One GATT connection to a virtual Nuki lock, below the BleLink interface:
 *
 *   write ─▶ reassembler ─┬─ pairing GDIO: plain frame ─▶ pairing session ─┐
 *                         └─ USDIO: decrypt with k(authId) ─▶ lock ───────┴─▶ frames ─▶ 20-byte indications
 *
 * Every reply message starts a new indication and is chopped into 20-byte chunks, one per connection event
 * (`indicationDelayMs` apart). A frame the lock cannot decrypt (unknown auth id, wrong key) cannot be answered
 * encrypted: its Error Report goes out plain on the pairing GDIO. A GATT write is one whole message; bytes left over
 * after it are a bad frame: ERROR_BAD_CRC on the pairing GDIO (no valid CRC), ERROR_BAD_LENGTH on the USDIO.
 */

/** Largest indication at the default MTU. */
export const INDICATION_BYTES = 20;

/** What a link needs from its radio. */
export interface LinkHost {
  lock: VirtualNukiLock;
  address: string;
  indicationDelayMs: number;
  /** Asked after each command the lock executed: true drops the link before any reply goes out. */
  shouldDropAfter(commandId: number): boolean;
  /** Told once when the link is gone. */
  onClosed(): void;
}

/** A BleLink the radio can also cut (out of range, test hooks). */
export interface VirtualNukiLink extends BleLink {
  readonly isOpen: boolean;
  /** Drops the link now: queued indications are lost, onDisconnect listeners are told `reason`. */
  drop(reason: string): void;
}

type Channel = 'pairing' | 'usdio';
const CHANNELS: Record<Channel, { service: string; characteristic: string }> = {
  pairing: { service: NUKI_GATT.PAIRING_SERVICE, characteristic: NUKI_GATT.PAIRING_GDIO },
  usdio: { service: NUKI_GATT.KEYTURNER_SERVICE, characteristic: NUKI_GATT.KEYTURNER_USDIO },
};

/** Opens a link to `host.lock`. */
export function createVirtualNukiLink(host: LinkHost): VirtualNukiLink {
  let goneReason: string | null = null;
  const listeners = new Set<(reason: string) => void>();
  const subscribers: Record<Channel, Set<(value: Uint8Array) => void>> = { pairing: new Set(), usdio: new Set() };
  const reassemblers = { pairing: createReassembler({ kind: 'plain' }), usdio: createReassembler({ kind: 'encrypted' }) };
  const queue: Array<{ channel: Channel; chunk: Uint8Array }> = [];
  let pumping = false;
  let session: PairingSession | null = null;

  const lost = (what: string): CodedError =>
    new CodedError('lock.connection_lost', `The Bluetooth link to the lock ${host.address} dropped during ${what} (${goneReason}).`);

  function channelOf(service: string, characteristic: string): Channel {
    const found = (Object.keys(CHANNELS) as Channel[]).find(
      (c) => CHANNELS[c].service === service.toLowerCase() && CHANNELS[c].characteristic === characteristic.toLowerCase(),
    );
    if (!found) throw new CodedError('lock.unsupported', `The lock ${host.address} has no Bluetooth characteristic ${characteristic} in ${service}.`);
    return found;
  }

  function send(channel: Channel, frame: Uint8Array): void {
    for (let at = 0; at < frame.length; at += INDICATION_BYTES) queue.push({ channel, chunk: frame.slice(at, at + INDICATION_BYTES) });
    void pump();
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    while (queue.length > 0 && goneReason === null) {
      await (host.indicationDelayMs > 0 ? new Promise((r) => setTimeout(r, host.indicationDelayMs)) : new Promise((r) => setImmediate(r)));
      const next = goneReason === null ? queue.shift() : undefined;
      if (!next) break;
      for (const onValue of subscribers[next.channel]) {
        try {
          onValue(next.chunk);
        } catch {
          // What the app does with a value is not the radio's concern; the next indication still goes out.
        }
      }
    }
    pumping = false;
  }

  const sendPlain = (message: NukiMessage): void => send('pairing', encodePlainFrame(message.commandId, message.payload));
  const plainError = (errorCode: number, commandId = 0): void => sendPlain(errorReply(errorCode, commandId));

  /** Runs a command at the lock, then either drops the link (test hook) or sends the replies. */
  function execute(commandId: number, run: () => NukiMessage[], deliver: (message: NukiMessage) => void): void {
    const replies = run();
    if (host.shouldDropAfter(commandId)) return link.drop('the lock closed the link');
    replies.forEach(deliver);
  }

  function onPairingFrame(frame: Uint8Array): void {
    const decoded = decodePlainFrame(frame);
    if (!decoded.ok) return plainError(NUKI_ERROR.BAD_CRC, commandIdOf(frame));
    const message = decoded.value;
    execute(message.commandId, () => (session ??= host.lock.openPairingSession()).receive(message), sendPlain);
  }

  function onUsdioFrame(frame: Uint8Array): void {
    const header = readEncryptedHeader(frame);
    if (!header.ok) return plainError(NUKI_ERROR.BAD_LENGTH);
    const { authId } = header.value;
    const key = host.lock.sharedKeyFor(authId);
    if (!key) return plainError(NUKI_ERROR.NOT_AUTHORIZED);
    const decoded = decodeEncryptedFrame(frame, { key });
    const sendEncrypted = (message: NukiMessage): void => send('usdio', encodeEncryptedFrame(message, { key, authId }));
    if (!decoded.ok) {
      if (decoded.failure.kind === 'bad_crc') return sendEncrypted(errorReply(NUKI_ERROR.BAD_CRC, 0));
      return plainError(decoded.failure.kind === 'auth_id_mismatch' ? NUKI_ERROR.INVALID_AUTH_ID : NUKI_ERROR.NOT_AUTHORIZED);
    }
    execute(decoded.value.commandId, () => host.lock.receiveEncrypted(decoded.value), sendEncrypted);
  }

  /** Bytes a whole write did not complete into a frame (`value` is that write). */
  function onLeftover(channel: Channel, value: Uint8Array): void {
    const reassembler = reassemblers[channel];
    if (reassembler.pendingBytes === 0) return;
    reassembler.reset();
    if (channel === 'usdio') return plainError(NUKI_ERROR.BAD_LENGTH);
    plainError(NUKI_ERROR.BAD_CRC, commandIdOf(value));
  }

  const link: VirtualNukiLink = {
    address: host.address,
    get isOpen() {
      return goneReason === null;
    },
    async subscribe(service, characteristic, onValue) {
      if (goneReason !== null) throw lost('turning on indications');
      const channel = channelOf(service, characteristic);
      subscribers[channel].add(onValue);
      return () => void subscribers[channel].delete(onValue);
    },
    async write(service, characteristic, value) {
      if (goneReason !== null) throw lost('a write');
      const channel = channelOf(service, characteristic);
      for (const frame of reassemblers[channel].push(value)) {
        if (goneReason !== null) return;
        if (channel === 'pairing') onPairingFrame(frame);
        else onUsdioFrame(frame);
      }
      if (goneReason === null) onLeftover(channel, value);
    },
    onDisconnect(listener) {
      if (goneReason !== null) {
        const reason = goneReason;
        queueMicrotask(() => listener(reason));
        return () => {};
      }
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async disconnect() {
      link.drop('disconnected by Lockbench');
    },
    drop(reason) {
      if (goneReason !== null) return;
      goneReason = reason;
      queue.length = 0;
      host.onClosed();
      for (const listener of [...listeners]) listener(reason);
      listeners.clear();
    },
  };
  return link;
}

/** The command id at the start of a plain frame (0 when too short to have one). */
function commandIdOf(frame: Uint8Array): number {
  return frame.length >= 2 ? (frame[0] as number) | ((frame[1] as number) << 8) : 0;
}

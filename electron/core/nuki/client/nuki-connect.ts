import type { BleLink, BleRadio } from '../../ble/ble-radio';
import type { Clock } from '../../ports/clock';
import type { PinWidth } from '../protocol/command-codec';
import { NUKI_GATT } from '../protocol/command-ids';
import type { RandomSource } from '../protocol/nuki-crypto';
import { createNukiClient, type NukiClient } from './nuki-client';
import { openNukiChannel, type NukiChannel } from './nuki-channel';
import { pairNukiLock, type NukiPairing, type PairNukiOptions } from './nuki-pairing';
import { createNukiSession, type NukiCredentials } from './nuki-session';

/**
 * Opening a Nuki lock over BLE:
 *
 *   connectNuki: radio.connect ─▶ subscribe USDIO ─▶ session (credentials) ─▶ client (security PIN)
 *   pairNuki:    radio.connect ─▶ subscribe pairing GDIO ─▶ pairNukiLock ─▶ disconnect
 *
 * A failure after the link is up drops the link again, so nothing is left half open.
 */

/** What a connection to a paired lock needs. */
export interface ConnectNukiOptions {
  credentials: NukiCredentials;
  /** The installer's security PIN; held by the client in memory only. */
  securityPin: number;
  /** 2 on Smart Lock 1–4 (default), 4 on the Ultra. */
  pinWidth?: PinWidth;
  connectTimeoutMs?: number;
  replyTimeoutMs?: number;
  /** Keypad codes per Request Keypad Codes page. */
  pageSize?: number;
  clock?: Clock;
  random?: RandomSource;
}

/** An open connection to one paired lock. */
export interface NukiConnection {
  readonly address: string;
  readonly client: NukiClient;
  /** Called once when the link drops (out of range, the lock closed it, `disconnect`). */
  onDisconnect(listener: (reason: string) => void): () => void;
  /** Stops listening and drops the link. */
  disconnect(): Promise<void>;
}

/** Connects to a paired lock and returns its client. Rejects as `radio.connect` and `link.subscribe` do. */
export async function connectNuki(radio: BleRadio, address: string, options: ConnectNukiOptions): Promise<NukiConnection> {
  const link = await radio.connect(address, connectOptions(options.connectTimeoutMs));
  const channel = await openOrDrop(link, NUKI_GATT.KEYTURNER_SERVICE, NUKI_GATT.KEYTURNER_USDIO, 'encrypted', options.clock);
  try {
    const session = createNukiSession({
      channel,
      credentials: options.credentials,
      pinWidth: options.pinWidth,
      replyTimeoutMs: options.replyTimeoutMs,
      random: options.random,
    });
    const client = createNukiClient({ session, securityPin: options.securityPin, pageSize: options.pageSize });
    return { address: link.address, client, onDisconnect: (listener) => link.onDisconnect(listener), disconnect: () => closeAll(channel, link) };
  } catch (error) {
    await closeAll(channel, link);
    throw error;
  }
}

/** What pairing over a fresh connection needs (the channel is opened here). */
export type PairNukiConnectOptions = Omit<PairNukiOptions, 'channel'> & { connectTimeoutMs?: number; clock?: Clock };

/** Connects to a lock in pairing mode (Smart Lock 1.0–4.0), pairs, and disconnects. */
export async function pairNuki(radio: BleRadio, address: string, options: PairNukiConnectOptions = {}): Promise<NukiPairing> {
  const link = await radio.connect(address, connectOptions(options.connectTimeoutMs));
  const channel = await openOrDrop(link, NUKI_GATT.PAIRING_SERVICE, NUKI_GATT.PAIRING_GDIO, 'plain', options.clock);
  try {
    return await pairNukiLock({ ...options, channel });
  } finally {
    await closeAll(channel, link);
  }
}

function connectOptions(timeoutMs: number | undefined): { timeoutMs?: number } | undefined {
  return timeoutMs === undefined ? undefined : { timeoutMs };
}

async function openOrDrop(link: BleLink, service: string, characteristic: string, framing: 'plain' | 'encrypted', clock?: Clock): Promise<NukiChannel> {
  try {
    return await openNukiChannel({ link, service, characteristic, framing, clock });
  } catch (error) {
    await link.disconnect().catch(() => undefined);
    throw error;
  }
}

async function closeAll(channel: NukiChannel, link: BleLink): Promise<void> {
  await channel.close();
  await link.disconnect().catch(() => undefined);
}

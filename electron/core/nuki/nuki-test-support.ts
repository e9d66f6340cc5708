import { DEMO_NUKI_LOCKS, createVirtualNukiRadio, type VirtualNukiLockSpec, type VirtualNukiRadio } from '../demo/nuki/demo-nuki-locks';
import type { VirtualNukiLockHandle } from '../demo/nuki/virtual-nuki-radio';
import type { AttemptGuard, CodePut } from '../ports/lock-port';
import { pairNuki } from './client/nuki-connect';
import type { NukiCredentials } from './client/nuki-session';
import { createNukiConnection, type NukiConnectionOptions, type NukiLockConnection } from './nuki-connection';

/**
 * Test support: a virtual Nuki lock (the demo's, speaking the real protocol below a BleRadio), paired the way an
 * installer pairs one (button held, then pairNuki), and a Nuki connection over it driven as the queue drives one.
 */

/** The instant the virtual lock and the connection agree is "now". */
export const TEST_NOW = new Date('2025-06-02T09:00:00Z');

/** The spec of the test lock: the demo's side gate, with two codes made elsewhere (ids 1 and 2). */
export const TEST_SPEC: VirtualNukiLockSpec = DEMO_NUKI_LOCKS[0]!;

/** A guard that lets everything go on air, and records what it was asked. */
export function openGuard(): AttemptGuard & { asked: string[][] } {
  const asked: string[][] = [];
  return { asked, onAir: async (keys) => (asked.push([...keys]), true) };
}

/** A put of a fresh code (no window, not sent before). */
export function freshPut(key: string, pin: string, name = `Guest ${key}`): CodePut {
  return { key, slot: null, pin, name, window: null, mayBeThere: false };
}

/** A site with one virtual Nuki lock, paired, and a connection to it. */
export interface NukiSite {
  radio: VirtualNukiRadio;
  handle: VirtualNukiLockHandle;
  credentials: NukiCredentials;
  connection: NukiLockConnection;
  /** Opens another connection over the same radio and credentials (a restart of Lockbench). */
  reconnect(overrides?: Partial<NukiConnectionOptions>): NukiLockConnection;
  close(): Promise<void>;
}

/** What a test site may change. */
export interface NukiSiteOptions {
  spec?: Partial<VirtualNukiLockSpec>;
  stateFile?: string | null;
  /** Credentials from an earlier pairing (a restart over the same state file): no pairing then. */
  credentials?: NukiCredentials;
  connection?: Partial<NukiConnectionOptions>;
}

/** Builds the radio, pairs with the lock (unless credentials are given) and opens a connection. */
export async function startNukiSite(options: NukiSiteOptions = {}): Promise<NukiSite> {
  const spec = { ...TEST_SPEC, ...options.spec };
  const now = () => new Date(TEST_NOW);
  const radio = await createVirtualNukiRadio({ stateFile: options.stateFile ?? null, locks: [spec], now });
  const handle = radio.locks.get(spec.address)!;
  let credentials = options.credentials;
  if (!credentials) {
    handle.pressButton();
    const pairing = await pairNuki(radio, spec.address, { name: 'Lockbench test', nukiId: spec.nukiId });
    credentials = { authId: pairing.authId, sharedKey: pairing.sharedKey };
  }
  const open = (overrides: Partial<NukiConnectionOptions> = {}): NukiLockConnection =>
    createNukiConnection({
      radio,
      locks: [{ address: spec.address, credentials: credentials!, securityPin: spec.securityPin, name: spec.label }],
      now,
      idleDisconnectMs: 60_000,
      replyTimeoutMs: 2_000,
      connectTimeoutMs: 2_000,
      ...options.connection,
      ...overrides,
    });
  const connection = open();
  const opened: NukiLockConnection[] = [connection];
  return {
    radio,
    handle,
    credentials,
    connection,
    reconnect(overrides) {
      const next = open(overrides);
      opened.push(next);
      return next;
    },
    async close() {
      await Promise.all(opened.map((c) => c.close()));
      await radio.close();
    },
  };
}

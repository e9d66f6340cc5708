import { connectNuki } from '../electron/core/nuki/client/nuki-connect';
import { benchCodeName, lockCount, lockCountSince, lockHoldsAll, nukiBenchPins, startPairedNukiLock, timeConnects, type LockCount } from './nuki-bench-lock';

/** One timed run of a Nuki path: connect → every code added → proven by the lock's list. */
export interface NukiRun {
  /** From the connect to every code verified. */
  ms: number;
  /** Of `ms`, the radio's `connect` (the link opening). */
  connectMs: number;
  /** Top-level commands the client counted (a challenge exchange belongs to its command). */
  commandsSent: number;
  /** What the lock counted in the same window. */
  lock: LockCount;
}

/**
 * The baseline: the Nuki protocol code alone on a fresh paired lock — `connectNuki` → NukiClient → `count` ×
 * `addKeypadCode` → one `listKeypadCodes`, each added id checked in the list with its PIN and name. No store, queue,
 * lock manager or driver. Pairing is not timed. Throws when a code is not listed as added.
 */
export async function bareNukiAddAndList(count: number): Promise<NukiRun> {
  const pins = nukiBenchPins(count);
  const lock = await startPairedNukiLock();
  try {
    const radio = timeConnects(lock.radio);
    const before = lockCount(lock.handle);
    const started = performance.now();
    const connection = await connectNuki(radio.radio, lock.address, { credentials: lock.credentials, securityPin: lock.securityPin });
    try {
      const added: Array<{ codeId: number; code: string; name: string }> = [];
      for (const [i, pin] of pins.entries()) {
        const code = { code: pin, name: benchCodeName(i), schedule: null };
        added.push({ ...code, codeId: (await connection.client.addKeypadCode(code)).codeId });
      }
      const listed = await connection.client.listKeypadCodes();
      const ms = performance.now() - started;
      const missing = added.filter((a) => !listed.some((e) => e.codeId === a.codeId && e.code === a.code && e.name === a.name));
      if (missing.length > 0 || !lockHoldsAll(lock.handle, pins)) throw new Error(`bare Nuki loop: ${missing.length} of ${count} codes not listed as added`);
      return { ms, connectMs: radio.connectMs(), commandsSent: connection.client.commandsSent(), lock: lockCountSince(lock.handle, before) };
    } finally {
      await connection.disconnect();
    }
  } finally {
    await lock.close();
  }
}

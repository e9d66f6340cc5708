import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZWaveNetwork } from '../zwave/open-network';
import { randomNetworkKeys } from '../zwave/random-network-keys';
import { createTempDir } from '../zwave/test-support';
import { createVirtualStick } from './create-virtual-stick';
import { DEMO_LOCKS } from './demo-locks';
import type { VirtualLockSpec } from './virtual-stick';

const LEVER = DEMO_LOCKS.find((l) => l.nodeId === 3) as VirtualLockSpec;

describe('virtual stick', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  beforeAll(async () => {
    dir = await createTempDir('stick');
  });
  afterAll(async () => dir?.remove());

  it('DEMO_LOCKS differ like real locks and say they are virtual', () => {
    expect(DEMO_LOCKS.length).toBeGreaterThanOrEqual(3);
    for (const l of DEMO_LOCKS) expect(l.label).toMatch(/^Virtual /);
    expect(DEMO_LOCKS.map((l) => l.slotCount)).toEqual([30, 10, 20]);
    expect(DEMO_LOCKS.find((l) => l.batteryLevel === 15)?.dropRate).toBeGreaterThan(0);
  });

  it('keeps lock memory across a restart (set → close everything → new stick from the same stateFile)', async () => {
    const stateFile = join(dir.path, 'persist', 'locks.json');
    const cacheDir = join(dir.path, 'persist', 'cache');
    const securityKeys = randomNetworkKeys(); // the app's keys: passed in at every start, never kept in the state file
    const first = await createVirtualStick({ stateFile, locks: [LEVER], securityKeys });
    const network = await openZWaveNetwork({ port: first.port, cacheDir, securityKeys: first.securityKeys });
    await network.setCode(3, 4, '731902');
    await network.close();
    await first.close();

    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { locks: Record<string, { slots: Record<string, unknown> }> };
    expect(saved.locks['3']?.slots['4']).toEqual({ status: 1, code: '731902' });
    expect(await readFile(stateFile, 'utf8')).not.toContain(Buffer.from(securityKeys.S2_AccessControl).toString('hex'));
    expect((await readdir(join(dir.path, 'persist'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await createVirtualStick({ stateFile, locks: [LEVER], securityKeys });
    expect(second.locks.get(3)?.storedCodes().get(4)).toBe('731902');
    const again = await openZWaveNetwork({ port: second.port, cacheDir, securityKeys: second.securityKeys });
    try {
      expect(await again.readCode(3, 4)).toEqual({ slot: 4, status: 'enabled', code: '731902' });
    } finally {
      await again.close();
      await second.close();
    }
  });

  it('plantCode writes straight into lock memory and the state file', async () => {
    const stateFile = join(dir.path, 'plant', 'locks.json');
    const stick = await createVirtualStick({ stateFile, locks: [LEVER] });
    stick.locks.get(3)?.plantCode(9, '2468');
    await stick.save();
    await stick.close();
    const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { locks: Record<string, { slots: Record<string, unknown> }> };
    expect(saved.locks['3']?.slots['9']).toEqual({ status: 1, code: '2468' });
  });

  it('a masked lock reports occupied slots without the PIN', async () => {
    const stick = await createVirtualStick({ stateFile: null, locks: [{ ...LEVER, revealsCodes: false }] });
    const network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir.path, 'masked'), securityKeys: stick.securityKeys });
    try {
      await network.setCode(3, 1, '5566');
      expect(await network.readCode(3, 1)).toEqual({ slot: 1, status: 'enabled', code: '****' });
      expect(stick.locks.get(3)?.storedCodes().get(1)).toBe('5566');
    } finally {
      await network.close();
      await stick.close();
    }
  });

  it('a flaky lock (seeded drops) still gets codes through zwave-js retries, or fails with a coded error', async () => {
    const stick = await createVirtualStick({ stateFile: null, locks: [LEVER], seed: 7 });
    const network = await openZWaveNetwork({ port: stick.port, cacheDir: join(dir.path, 'flaky'), securityKeys: stick.securityKeys });
    try {
      stick.locks.get(3)?.setDropRate(0.3);
      const outcomes: string[] = [];
      for (let slot = 1; slot <= 4; slot++) {
        const outcome = await network.setCode(3, slot, `90${slot}12`).then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'uncoded',
        );
        outcomes.push(outcome);
      }
      for (const o of outcomes) expect(o).toMatch(/^(ok|zwave\.no_answer|zwave\.node_dead|zwave\.nak)$/);
      stick.locks.get(3)?.setDropRate(0);
      // Whatever the outcomes, the read-back tells the truth about the lock.
      for (let slot = 1; slot <= 4; slot++) {
        const reading = await network.readCode(3, slot);
        const stored = stick.locks.get(3)?.storedCodes().get(slot) ?? null;
        if (reading) expect(reading.code).toBe(stored);
      }
    } finally {
      await network.close();
      await stick.close();
    }
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openZWaveNetwork } from '../zwave/open-network';
import { createTempDir } from '../zwave/test-support';
import { createVirtualStick } from './create-virtual-stick';
import { DEMO_LOCKS } from './demo-locks';
import { serveVirtualStickOverTcp, type TcpServedStick } from './serve-over-tcp';
import type { VirtualStick } from './virtual-stick';

const hasSocat = spawnSync('sh', ['-c', 'command -v socat']).status === 0;
if (!hasSocat) console.warn('SKIPPED the real serial-path test: `socat` is not on PATH (CI installs it: apt-get install -y socat).');
const LEVER = DEMO_LOCKS.filter((l) => l.nodeId === 3);

describe.skipIf(!hasSocat)('virtual stick through a real pseudo-terminal (socat pty ↔ tcp)', () => {
  let dir: Awaited<ReturnType<typeof createTempDir>>;
  let stick: VirtualStick;
  let served: TcpServedStick;
  let socat: ChildProcess;
  const ptyPath = (): string => join(dir.path, 'ttyV0');

  beforeAll(async () => {
    dir = await createTempDir('pty');
    stick = await createVirtualStick({ stateFile: null, locks: LEVER });
    served = await serveVirtualStickOverTcp(stick);
    expect(served.url).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/);
    socat = spawn('socat', [`pty,link=${ptyPath()},raw,echo=0`, `tcp:127.0.0.1:${served.port}`], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !existsSync(ptyPath()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(ptyPath())).toBe(true);
  });

  afterAll(async () => {
    socat?.kill();
    await served?.close();
    await stick?.close();
    await dir?.remove();
  });

  it('opens the network by the pty path (serialport) and sets + reads back a code', async () => {
    const network = await openZWaveNetwork({ port: ptyPath(), cacheDir: join(dir.path, 'cache'), securityKeys: stick.securityKeys });
    try {
      expect(network.lockNodeIds()).toEqual([3]);
      await network.setCode(3, 2, '864200');
      expect(await network.readCode(3, 2)).toEqual({ slot: 2, status: 'enabled', code: '864200' });
      expect(stick.locks.get(3)?.storedCodes().get(2)).toBe('864200');
    } finally {
      await network.close();
    }
  });
});

describe('opening a port that is not there', () => {
  it('rejects with transport.port_not_found, fast', async () => {
    const dir = await createTempDir('noport');
    try {
      const key = (n: number): Uint8Array => new Uint8Array(16).fill(n);
      const keys = { S0_Legacy: key(1), S2_Unauthenticated: key(2), S2_Authenticated: key(3), S2_AccessControl: key(4) };
      await expect(openZWaveNetwork({ port: join(dir.path, 'no-such-tty'), cacheDir: join(dir.path, 'cache'), securityKeys: keys })).rejects.toMatchObject({
        code: 'transport.port_not_found',
      });
    } finally {
      await dir.remove();
    }
  });
});

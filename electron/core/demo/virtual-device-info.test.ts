import { describe, expect, it } from 'vitest';
import { sampleLockProfile } from '../../../shared/testing/samples';
import { DEMO_LOCKS } from './demo-locks';
import { REAL_LOCK_MODELS } from './real-lock-models';
import { applyVirtualDeviceInfo } from './virtual-device-info';

const unknown = sampleLockProfile({ supportedCodeLengths: [4, 5, 6, 7, 8, 9, 10], codeLengthsSource: 'unknown', codeLengthsNote: null });

describe('device information of the demo locks', () => {
  it("gives a demo lock its spec's lengths and says they come from the demo lock's device information", () => {
    const lever = DEMO_LOCKS.find((l) => l.nodeId === 3)!;
    expect(applyVirtualDeviceInfo(unknown, lever)).toMatchObject({
      manufacturer: 'Lockbench demo',
      model: lever.label,
      supportedCodeLengths: [4, 5, 6],
      codeLengthsSource: 'device_file',
      codeLengthsNote: "from the demo lock's device information (its virtual lock spec)",
    });
  });

  it('leaves a lock that runs as a real model to zwave-js and the lock itself', () => {
    expect(applyVirtualDeviceInfo(unknown, REAL_LOCK_MODELS[0])).toBe(unknown);
  });
});

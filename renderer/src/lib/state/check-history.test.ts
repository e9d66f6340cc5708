import { describe, expect, it } from 'vitest';
import { CheckHistory, verdictCounts } from './check-history.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleReport } from '../testing/sample-data';

describe('CheckHistory', () => {
  it('loads the door’s kept checks, newest first as main sends them', async () => {
    const newer = { ...sampleReport(), checked_at: '2025-01-02T10:00:00.000Z', overall: 'pass' as const };
    const bridge = new FakeBridge().answer('doors.checkHistory', [newer, sampleReport()]);
    const history = new CheckHistory(bridge, 'door-1');
    expect(history.hasLoaded).toBe(false);
    await history.load();
    expect(bridge.sent('doors.checkHistory')).toEqual([{ doorId: 'door-1' }]);
    expect([history.hasLoaded, history.checks.map((c) => c.overall)]).toEqual([true, ['pass', 'warn']]);
  });

  it('keeps what it had and the error when the history cannot be read', async () => {
    const bridge = new FakeBridge().answer('doors.checkHistory', [sampleReport()]);
    const history = new CheckHistory(bridge, 'door-1');
    await history.load();
    bridge.refuse('doors.checkHistory', 'door.not_found');
    await history.load();
    expect([history.error?.code, history.checks.length, history.isLoading]).toEqual(['door.not_found', 1, false]);
  });

  it('counts the verdicts of a check', () => {
    expect(verdictCounts(sampleReport())).toEqual({ pass: 1, warn: 1, fail: 0 });
  });
});

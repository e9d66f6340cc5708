import { describe, expect, it } from 'vitest';
import { CapabilityWizard } from './capability-wizard.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleReport } from '../testing/sample-data';

describe('CapabilityWizard', () => {
  it('goes intro → checking → report and counts verdicts', async () => {
    const bridge = new FakeBridge().answer('doors.check', sampleReport());
    const wizard = new CapabilityWizard(bridge, 'door-1');
    expect(wizard.step).toBe('intro');
    const running = wizard.run();
    expect(wizard.step).toBe('checking');
    expect(wizard.canAdvance).toBe(false);
    await running;
    expect(wizard.step).toBe('report');
    expect(wizard.report?.overall).toBe('warn');
    expect(wizard.counts).toEqual({ pass: 1, warn: 1, fail: 0 });
    expect(bridge.sent('doors.check')).toEqual([{ doorId: 'door-1' }]);
  });

  it('returns to the intro with the error when the check fails, and reruns', async () => {
    const bridge = new FakeBridge().refuse('doors.check', 'zwave.no_answer');
    const wizard = new CapabilityWizard(bridge, 'door-1');
    await wizard.run();
    expect(wizard.step).toBe('intro');
    expect(wizard.error?.code).toBe('zwave.no_answer');
    bridge.answer('doors.check', sampleReport());
    await wizard.run();
    expect(wizard.step).toBe('report');
    expect(wizard.error).toBeNull();
  });

  it('keeps the previous report when a rerun fails', async () => {
    const bridge = new FakeBridge().answer('doors.check', sampleReport());
    const wizard = new CapabilityWizard(bridge, 'door-1');
    await wizard.run();
    bridge.refuse('doors.check', 'door.not_connected');
    await wizard.run();
    expect(wizard.step).toBe('report');
    expect(wizard.report).not.toBeNull();
    expect(wizard.error?.code).toBe('door.not_connected');
  });
});

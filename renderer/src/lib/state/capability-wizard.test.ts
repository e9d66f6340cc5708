import { describe, expect, it } from 'vitest';
import { CapabilityWizard } from './capability-wizard.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor, sampleReport } from '../testing/sample-data';

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
    const bridge = new FakeBridge().refuse('doors.check', 'lock.no_answer');
    const wizard = new CapabilityWizard(bridge, 'door-1');
    await wizard.run();
    expect(wizard.step).toBe('intro');
    expect(wizard.error?.code).toBe('lock.no_answer');
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

  it('offers to set the clock only when the clock item is warn or fail, then checks again', async () => {
    const clockWarn = { ...sampleReport(), items: [...sampleReport().items, { key: 'clock' as const, label: 'Clock', verdict: 'warn' as const, finding: 'UTC+0', advice: 'Set it', source: 'lock' as const }] };
    const bridge = new FakeBridge().answer('doors.check', sampleReport());
    const wizard = new CapabilityWizard(bridge, 'door-1');
    await wizard.run();
    expect(wizard.canSetClock).toBe(false);
    bridge.answer('doors.check', clockWarn);
    await wizard.run();
    expect(wizard.canSetClock).toBe(true);
    bridge.answer('doors.setClock', sampleDoor()).answer('doors.check', sampleReport());
    await wizard.setClock();
    expect(bridge.sent('doors.setClock')).toEqual([{ doorId: 'door-1' }]);
    expect(bridge.sent('doors.check')).toHaveLength(3);
    expect(wizard.canSetClock).toBe(false);
  });

  it('keeps a refused clock setting and does not re-run the check', async () => {
    const bridge = new FakeBridge().answer('doors.check', sampleReport()).refuse('doors.setClock', 'lock.unsupported');
    const wizard = new CapabilityWizard(bridge, 'door-1');
    await wizard.run();
    await wizard.setClock();
    expect(wizard.clockError?.code).toBe('lock.unsupported');
    expect(bridge.sent('doors.check')).toHaveLength(1);
  });

  it('names the codes from elsewhere after a check, and tells the door view a report arrived', async () => {
    const reports: unknown[] = [];
    const bridge = new FakeBridge().answer('doors.check', sampleReport());
    const wizard = new CapabilityWizard(bridge, 'door-1', { onChecked: (r) => reports.push(r) });
    expect(wizard.elsewhere).toBeNull();
    await wizard.run();
    expect(wizard.elsewhere).toEqual({ count: 0, text: 'No codes from elsewhere found' });
    expect(reports).toHaveLength(1);
    bridge.answer('doors.check', { ...sampleReport(), codes_from_elsewhere: 2 });
    await wizard.run();
    expect(wizard.elsewhere).toEqual({ count: 2, text: '2 codes from elsewhere: see below' });
    bridge.answer('doors.check', { ...sampleReport(), codes_from_elsewhere: null });
    await wizard.run();
    expect(wizard.elsewhere?.text).toMatch(/unknown/);
  });
});


import { describe, expect, it } from 'vitest';
import { codeStatusView, formatInZone } from './status-words';
import { sampleCode } from './testing/sample-data';

describe('codeStatusView', () => {
  it('says set only for set, and pending while setting or removing', () => {
    expect(codeStatusView(sampleCode({ status: 'set' })).tone).toBe('ok');
    expect(codeStatusView(sampleCode({ status: 'setting' })).tone).toBe('pending');
    expect(codeStatusView(sampleCode({ status: 'removing' })).label).toMatch(/Removing/);
  });

  it('shows the first error in words with what to do', () => {
    const view = codeStatusView(
      sampleCode({ errors: [{ error_code: 'failed_to_set_on_device', message: 'No answer', created_at: 'x' }] }),
    );
    expect(view).toMatchObject({ tone: 'fail', issue: { code: 'failed_to_set_on_device', message: 'No answer' } });
    expect(view.issue?.next).toBeTruthy();
  });

  it('warns on a delay', () => {
    const view = codeStatusView(sampleCode({ warnings: [{ error_code: 'delay_in_setting_on_device', message: 'slow', created_at: 'x' }] }));
    expect(view.tone).toBe('warn');
    expect(view.issue?.code).toBe('delay_in_setting_on_device');
  });
});

describe('formatInZone', () => {
  it('shows instants in the site zone, DST included', () => {
    expect(formatInZone('2025-07-01T14:00:00Z', 'Europe/London')).toMatch(/15:00/);
    expect(formatInZone('2025-01-01T14:00:00Z', 'Europe/London')).toMatch(/14:00/);
  });
});

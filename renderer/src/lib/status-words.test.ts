import { describe, expect, it } from 'vitest';
import { codeStatusView, codesFromElsewhereWords, pastEndWords, proofWords, scheduledByWords } from './status-words';
import { sampleCode, sampleTimeBoundCode } from './testing/sample-data';

const zone = 'Europe/Berlin';
const now = new Date('2026-03-14T16:00:00Z'); // 17:00 Sat 14 Mar in Berlin
const readBack = { verified_at: '2026-03-14T13:02:00.000Z', verified_by: 'read_back' as const };
const loadedEvent = { event_type: 'access_code.scheduled_on_device' as const, occurred_at: '2026-03-14T13:02:00.000Z' };

describe('codeStatusView: only what the lock proved, and when', () => {
  it('says set with how and when the lock last confirmed it', () => {
    const view = codeStatusView(sampleCode({ status: 'set', ...readBack }), zone, now);
    expect(view).toMatchObject({ tone: 'ok', label: 'Set – read back by the lock 14:02', isConfirmed: true, proof: 'Last confirmed by the lock: read back by the lock 14:02' });
    expect(codeStatusView(sampleCode({ status: 'set', verified_at: '2026-03-13T08:00:00Z', verified_by: 'checksum' }), zone, now).label).toBe(
      'Set – confirmed by the lock’s checksum of all its codes 09:00 Fri 13 Mar',
    );
    expect(codeStatusView(sampleCode({ status: 'set', ...readBack, verified_by: 'slot_status' }), zone, now).label).toMatch(/hides PINs/);
  });

  it('a native code after its start: loaded and read back, switched on by the lock\'s own schedule', () => {
    const code = sampleTimeBoundCode({ status: 'set', starts_at: '2026-03-14T14:00:00.000Z', events: [loadedEvent], ...readBack });
    expect(codeStatusView(code, zone, now).label).toBe('Set – loaded and read back 14:02; switched on by the lock’s own schedule at 15:00');
  });

  it('a native code loaded before its start says so, and when the lock switches it on', () => {
    const code = sampleTimeBoundCode({ status: 'unset', starts_at: '2026-03-15T14:00:00.000Z', ends_at: '2026-03-16T10:00:00.000Z', events: [loadedEvent], ...readBack });
    expect(codeStatusView(code, zone, now)).toMatchObject({
      tone: 'idle',
      isConfirmed: true,
      label: 'Loaded and read back 14:02 – the lock switches it on at 15:00 Sun 15 Mar',
    });
    const notYet = sampleTimeBoundCode({ status: 'unset', starts_at: '2026-03-20T14:00:00.000Z', ends_at: '2026-03-21T10:00:00.000Z' });
    expect(codeStatusView(notYet, zone, now)).toMatchObject({
      isConfirmed: false,
      proof: 'Never confirmed by the lock',
      label: 'Not on the lock yet – loaded up to 72 hours before 15:00 Fri 20 Mar',
    });
  });

  it('a code Lockbench schedules says Lockbench puts it on', () => {
    const code = sampleTimeBoundCode({ scheduled_by: 'lockbench', status: 'unset', starts_at: '2026-03-20T14:00:00.000Z', ends_at: '2026-03-21T10:00:00.000Z' });
    expect(codeStatusView(code, zone, now).label).toBe('Not on the lock yet – Lockbench puts it on at 15:00 Fri 20 Mar');
    expect(codeStatusView({ ...code, status: 'setting', starts_at: '2026-03-14T15:00:00.000Z' }, zone, now).label).toBe('Setting – Lockbench is putting it on the lock');
  });

  it('never says set without the lock\'s proof, and never calls an unconfirmed code confirmed', () => {
    const view = codeStatusView(sampleCode({ status: 'set', verified_at: null, verified_by: null }), zone, now);
    expect(view.isConfirmed).toBe(false);
    expect(view.label).not.toMatch(/confirmed by the lock|read back/);
    expect(codeStatusView(sampleCode({ status: 'setting' }), zone, now)).toMatchObject({ tone: 'pending', isConfirmed: false, label: 'Setting – waiting for the lock to confirm' });
    expect(codeStatusView(sampleCode({ status: 'removing', ...readBack }), zone, now)).toMatchObject({ isConfirmed: true, label: 'Removing – waiting for the lock to confirm' });
  });

  it('removed: when the lock removed it, or that it never reached the lock', () => {
    const removed = sampleCode({ is_removed: true, ...readBack, events: [{ event_type: 'access_code.removed_from_device', occurred_at: '2026-03-14T15:30:00Z' }] });
    expect(codeStatusView(removed, zone, now).label).toBe('Removed from the lock 16:30');
    expect(codeStatusView(sampleCode({ is_removed: true }), zone, now).label).toBe('Withdrawn – it never reached the lock');
  });

  it('shows the first error in words with what to do, the Seam name kept apart', () => {
    const view = codeStatusView(sampleCode({ errors: [{ error_code: 'failed_to_set_on_device', message: 'No answer', created_at: 'x' }] }), zone, now);
    expect(view).toMatchObject({ tone: 'fail', label: 'Problem', issue: { code: 'failed_to_set_on_device', message: 'No answer', title: 'The lock did not take this code' } });
    expect(view.issue?.next).toBeTruthy();
  });

  it('warns on a delay, and on a guest PIN past its end that may still be on the lock', () => {
    const delayed = codeStatusView(sampleCode({ status: 'setting', warnings: [{ error_code: 'delay_in_setting_on_device', message: 'slow', created_at: 'x' }] }), zone, now);
    expect([delayed.tone, delayed.issue?.code]).toEqual(['warn', 'delay_in_setting_on_device']);
    const pastEnd = sampleTimeBoundCode({
      scheduled_by: 'lockbench',
      status: 'removing',
      ends_at: '2026-03-14T15:00:00.000Z',
      warnings: [{ error_code: 'delay_in_removing_from_device', message: 'past its end', created_at: 'x' }],
    });
    expect(codeStatusView(pastEnd, zone, now)).toMatchObject({ tone: 'warn', label: 'Removing – its end has passed; waiting for the lock to confirm', issue: { title: 'May still be on the lock' } });
  });
});

describe('other code words', () => {
  it('proof words, short and full', () => {
    expect(proofWords({ verified_at: null, verified_by: null }, zone, now)).toBeNull();
    expect(proofWords(readBack, zone, now, 'short')).toBe('read back 14:02');
  });

  it('who switches a code on and off: a Lockbench code says the laptop must reach the lock; a cloud code says the cloud does it', () => {
    const code = sampleTimeBoundCode({ starts_at: '2026-03-14T14:00:00.000Z', ends_at: '2026-03-14T17:00:00.000Z' });
    expect(scheduledByWords({ ...code, scheduled_by: 'lockbench' }, zone)).toBe(
      'Lockbench puts it on at 15:00 Sat 14 Mar and takes it off at 18:00 Sat 14 Mar – this laptop must reach the lock then',
    );
    expect(scheduledByWords({ ...code, scheduled_by: 'lock' }, zone)).toBe('Switched on and off by the lock’s own schedule');
    expect(scheduledByWords(sampleCode(), zone)).toBeNull();
    expect(scheduledByWords({ ...code, scheduled_by: 'cloud' }, zone)).toBe('The cloud adds it at 15:00 Sat 14 Mar and removes it at 18:00 Sat 14 Mar');
    expect(scheduledByWords({ scheduled_by: 'cloud', starts_at: null, ends_at: null }, zone)).toBe('The cloud adds it at its start and removes it at its end');
  });

  it('a code the cloud schedules, before its start, says the cloud adds it', () => {
    const code = sampleTimeBoundCode({ scheduled_by: 'cloud', status: 'unset', starts_at: '2026-03-20T14:00:00.000Z', ends_at: '2026-03-21T10:00:00.000Z' });
    expect(codeStatusView(code, zone, now).label).toBe('Not on the lock yet – the cloud adds it at 15:00 Fri 20 Mar');
  });

  it('codes from elsewhere after a check', () => {
    expect(codesFromElsewhereWords(0).text).toBe('No codes from elsewhere found');
    expect(codesFromElsewhereWords(1).text).toBe('1 code from elsewhere: see below');
    expect(codesFromElsewhereWords(3).text).toBe('3 codes from elsewhere: see below');
    expect(codesFromElsewhereWords(null).text).toMatch(/unknown/);
  });

  it('guest PINs past their end, for the site header', () => {
    expect(pastEndWords({ doorName: 'Back door', count: 1 })).toBe('1 guest PIN past its end is still on Back door: connect to remove it');
    expect(pastEndWords({ doorName: 'Back door', count: 2 })).toBe('2 guest PINs past their end are still on Back door: connect to remove them');
  });
});

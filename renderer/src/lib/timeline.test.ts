import { describe, expect, it } from 'vitest';
import { buildTimeline } from './timeline';
import { sampleCode, sampleTimeBoundCode } from './testing/sample-data';

const now = new Date('2026-03-10T11:00:00Z'); // 12:00 Tue 10 Mar in Berlin

describe('buildTimeline', () => {
  it('labels site days from today, with the DST day shorter', () => {
    const t = buildTimeline([], 'Europe/Berlin', now, 21);
    expect(t.days).toHaveLength(21);
    expect(t.days[0]).toMatchObject({ date: '2026-03-10', label: 'Tue 10', title: 'Tue 10 Mar', startPct: 0 });
    const dstDay = t.days.find((d) => d.date === '2026-03-29')!;
    const normalDay = t.days.find((d) => d.date === '2026-03-28')!;
    expect(dstDay.widthPct).toBeLessThan(normalDay.widthPct);
    expect(t.todayPct).toBeGreaterThan(0);
    expect(t.todayPct).toBeLessThan(t.days[1]!.startPct);
  });

  it('draws a time-bound window inside the range and an ongoing code as an open-ended bar', () => {
    const t = buildTimeline([sampleCode({ status: 'set', verified_at: '2026-03-10T10:00:00Z', verified_by: 'read_back' }), sampleTimeBoundCode()], 'Europe/Berlin', now, 21);
    const ongoing = t.bars.find((b) => b.name === 'Resident')!;
    const guest = t.bars.find((b) => b.name === 'Guest')!;
    expect(ongoing).toMatchObject({ startPct: 0, endPct: 100, opensLeft: true, opensRight: true, status: 'set', proof: 'confirmed', isOutside: false });
    expect(guest).toMatchObject({ opensLeft: false, opensRight: false, status: 'unset', proof: 'unconfirmed' });
    expect(guest.startPct).toBeGreaterThan(0);
    expect(guest.endPct).toBeGreaterThan(guest.startPct);
    expect(guest.text).toBe('Guest: 16:00 Sat 14 Mar to 12:00 Mon 16 Mar. Not confirmed on the lock (yet).');
  });

  it('draws codes that never reached the lock differently from confirmed ones', () => {
    const proofs = buildTimeline(
      [
        sampleCode({ access_code_id: 'a', name: 'Confirmed', status: 'set', verified_at: '2026-03-10T10:00:00Z', verified_by: 'read_back' }),
        sampleCode({ access_code_id: 'b', name: 'Never', status: 'setting' }),
        sampleTimeBoundCode({ access_code_id: 'c', name: 'Loaded', verified_at: '2026-03-10T10:00:00Z', verified_by: 'read_back' }),
        sampleCode({ access_code_id: 'd', name: 'Broken', errors: [{ error_code: 'failed_to_set_on_device', message: 'x', created_at: 'x' }] }),
      ],
      'Europe/Berlin',
      now,
    ).bars.map((b) => [b.name, b.proof]);
    expect(Object.fromEntries(proofs)).toEqual({ Confirmed: 'confirmed', Never: 'unconfirmed', Loaded: 'loaded', Broken: 'problem' });
  });

  it('puts "now" where the app\'s now is (the demo clock moves it)', () => {
    const later = new Date(now.getTime() + 7 * 86_400_000);
    expect(buildTimeline([], 'Europe/Berlin', later).days[0]?.date).toBe('2026-03-17');
  });

  it('leaves removed codes out and marks codes beyond the range', () => {
    const later = sampleTimeBoundCode({ access_code_id: 'later', name: 'Summer', starts_at: '2026-07-01T10:00:00Z', ends_at: '2026-07-05T10:00:00Z' });
    const t = buildTimeline([sampleCode({ is_removed: true }), later], 'Europe/Berlin', now, 14);
    expect(t.bars.map((b) => [b.name, b.isOutside])).toEqual([['Summer', true]]);
  });
});

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
    const t = buildTimeline([sampleCode({ status: 'set' }), sampleTimeBoundCode()], 'Europe/Berlin', now, 21);
    const ongoing = t.bars.find((b) => b.name === 'Resident')!;
    const guest = t.bars.find((b) => b.name === 'Guest')!;
    expect(ongoing).toMatchObject({ startPct: 0, endPct: 100, opensLeft: true, opensRight: true, status: 'set', isOutside: false });
    expect(guest).toMatchObject({ opensLeft: false, opensRight: false, status: 'unset' });
    expect(guest.startPct).toBeGreaterThan(0);
    expect(guest.endPct).toBeGreaterThan(guest.startPct);
    expect(guest.text).toBe('Guest: 16:00 Sat 14 Mar to 12:00 Mon 16 Mar (unset)');
  });

  it('leaves removed codes out and marks codes beyond the range', () => {
    const later = sampleTimeBoundCode({ access_code_id: 'later', name: 'Summer', starts_at: '2026-07-01T10:00:00Z', ends_at: '2026-07-05T10:00:00Z' });
    const t = buildTimeline([sampleCode({ is_removed: true }), later], 'Europe/Berlin', now, 14);
    expect(t.bars.map((b) => [b.name, b.isOutside])).toEqual([['Summer', true]]);
  });
});

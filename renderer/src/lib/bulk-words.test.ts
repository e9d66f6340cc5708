import { describe, expect, it } from 'vitest';
import { count, doorRunState, etaWords, localWords, previewTotalsWords, runCountWords, windowWords } from './bulk-words';

const counts = { total: 4, done: 0, later: 0, waiting: 0, running: 0, failed: 0, cancelled: 0 };
const line = (verdict: 'ready' | 'no_room') => ({ input: 0, name: null, verdict, message: null, scheduled_by: null, starts_at: null, ends_at: null });
const door = (...verdicts: Array<'ready' | 'no_room'>) => ({
  door_id: 'd',
  door_name: 'D',
  protocol: 'zwave' as const,
  is_connected: true,
  free_places: 3,
  lines: verdicts.map(line),
  notes: [],
});

describe('bulk words', () => {
  it('counts in words', () => {
    expect([count(1, 'door'), count(3, 'door'), count(0, 'code')]).toEqual(['1 door', '3 doors', '0 codes']);
  });

  it('says the ETA, and that it is an estimate before the first codes are done', () => {
    expect(etaWords(null, null)).toBe('');
    expect(etaWords(20, 'measured')).toBe('less than a minute left');
    expect(etaWords(95, 'measured')).toBe('about 2 min left');
    expect(etaWords(4800, 'measured')).toBe('about 1 h 20 min left');
    expect(etaWords(95, 'estimated')).toBe('about 2 min left (an estimate from typical lock speeds, until the first codes are done)');
  });

  it('sums up the preview: ready codes on how many doors, and how many not', () => {
    expect(previewTotalsWords({ doors: [door('ready', 'ready'), door('no_room'), door('ready')], totals: { ready: 3, not_ready: 1 } })).toBe(
      '3 codes ready on 2 doors, 1 not',
    );
    expect(previewTotalsWords({ doors: [door('ready')], totals: { ready: 1, not_ready: 0 } })).toBe('1 code ready on 1 door');
  });

  it('says where a run stands overall and per door', () => {
    expect(runCountWords({ ...counts, done: 2, later: 1, failed: 1 })).toBe('Done 2 of 4, 1 set later by their schedule, 1 failed');
    expect(doorRunState({ ...counts, running: 1, waiting: 1 }, 'running')).toEqual({ label: 'Setting codes', tone: 'pending' });
    expect(doorRunState({ ...counts, waiting: 2 }, 'paused').label).toBe('Paused');
    expect(doorRunState({ ...counts, waiting: 2 }, 'running').label).toBe('Waiting for the lock');
    expect(doorRunState({ ...counts, done: 3, failed: 1 }, 'finished')).toEqual({ label: '1 failed', tone: 'fail' });
    expect(doorRunState({ ...counts, cancelled: 4 }, 'cancelled').label).toBe('Cancelled');
    expect(doorRunState({ ...counts, done: 3, later: 1 }, 'finished')).toEqual({ label: 'Done', tone: 'ok' });
  });

  it('says a window in the property’s wall time as typed', () => {
    expect(localWords({ date: '2026-12-04', time: '09:30' })).toBe('4 Dec 2026 09:30');
    expect(windowWords(null)).toBe('ongoing');
    expect(windowWords({ starts: { date: '2026-12-24', time: '15:00' }, ends: { date: '2026-12-27', time: '11:00' } })).toBe(
      'from 24 Dec 2026 15:00 to 27 Dec 2026 11:00',
    );
  });
});

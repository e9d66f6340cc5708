/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { expectSameInEveryMachineZone, restoreMachineZoneAfterEach, withoutLocalTime } from '../testing/machine-zone';
import { planTimeBoundCode, statusAt } from './schedule-plan';
import { formatInSite, instantToLocal, localToInstant, siteNow } from './site-time';
import { checkWindow } from './time-window';

/**
 * The laptop's own time zone must never leak into site times: an installer from Auckland commissions a lock in
 * New York. Three checks: results are identical after switching the process zone (Node re-reads process.env.TZ
 * when it is assigned), Date's local-time getters are never called, and the sources never use them.
 */

/** A sample of every public function, across gaps, overlaps and zones; must not depend on the machine's zone. */
function sample() {
  const ny = 'America/New_York';
  const plan = planTimeBoundCode({
    startsAt: '2026-10-30T19:00:00Z',
    endsAt: '2026-11-02T16:00:00Z',
    now: new Date('2026-10-29T12:00:00Z'),
    nativeScheduling: true,
    siteZone: ny,
  });
  return {
    gap: localToInstant({ date: '2026-03-08', time: '02:30' }, ny),
    overlap: localToInstant({ date: '2026-11-01', time: '01:30' }, ny),
    berlin: localToInstant({ date: '2026-10-25', time: '02:30' }, 'Europe/Berlin'),
    lordHowe: localToInstant({ date: '2026-10-04', time: '02:15' }, 'Australia/Lord_Howe'),
    kolkata: localToInstant({ date: '2026-03-08', time: '02:30' }, 'Asia/Kolkata'),
    local: instantToLocal('2026-11-01T06:30:00Z', ny),
    shown: formatInSite('2026-03-14T14:00:00Z', 'Europe/Berlin', 'long'),
    now: siteNow(ny, new Date('2026-07-01T03:00:00Z')),
    window: checkWindow({ startsAt: '2026-03-14T14:00:00Z', endsAt: '2026-03-16T10:00:00Z' }, new Date('2026-03-10T12:00:00Z')),
    plan,
    status: statusAt(plan, '2026-10-31T00:00:00Z', { isOnLock: true }),
  };
}

describe('independence from the machine time zone', () => {
  restoreMachineZoneAfterEach();

  it('gives identical results with the process in UTC, Pacific/Auckland and America/Los_Angeles', () => {
    expectSameInEveryMachineZone(sample);
  });

  it('never calls Date\'s local-time getters', () => {
    const result = withoutLocalTime(sample);
    expect(result.overlap).toMatchObject({ ok: true, instant: '2026-11-01T05:30:00.000Z' });
    expect(result.shown).toBe('Sat 14 Mar 2026, 15:00 CET (UTC+1)');
  });
});

describe('source rules for shared/time', () => {
  const own = import.meta.glob(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
  const app = import.meta.glob(['/shared/**/*.ts', '/electron/**/*.ts', '/renderer/src/**/*.ts', '/renderer/src/**/*.svelte'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>;

  it('reads the app sources it checks', () => {
    expect(Object.keys(own)).toContain('./zone-rules.ts');
    expect(Object.keys(app).length).toBeGreaterThan(20);
  });

  it('imports luxon only in zone-rules.ts, across the whole app', () => {
    const importers = Object.entries(app)
      .filter(([, text]) => /from\s+['"]luxon['"]|import\(\s*['"]luxon['"]\s*\)|require\(\s*['"]luxon['"]\s*\)/.test(text))
      .map(([path]) => path);
    expect(importers).toEqual(['/shared/time/zone-rules.ts']);
  });

  it('uses no local-time Date API and no Date.parse (which reads a bare time as machine-local)', () => {
    const banned = /\.(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|getSeconds|getTimezoneOffset|toLocale\w*)(\?\.)?\(|Date\.parse\(|new Date\([^)]*,/;
    for (const [path, text] of Object.entries(own)) expect(banned.test(text), path).toBe(false);
  });
});

import { afterEach, expect, vi } from 'vitest';

/**
 * Test support: proving that code never depends on the laptop's own time zone (an installer from Auckland commissions
 * a lock in New York). Node re-reads process.env.TZ when it is assigned, so a test can switch the process zone.
 */

/** The zones a sample is run in besides UTC, with their January offsets as Date reports them. */
const OTHER_ZONES = [['Pacific/Auckland', -780], ['America/Los_Angeles', 480]] as const;

/** Puts the process zone and Date's getters back after each test of the calling suite. */
export function restoreMachineZoneAfterEach(): void {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    vi.restoreAllMocks();
  });
}

/** Runs `sample` with the process in UTC, then in each other zone (proving each switch took effect), and expects the same. */
export function expectSameInEveryMachineZone(sample: () => unknown): void {
  process.env.TZ = 'UTC';
  expect(new Date('2026-01-15T00:00:00Z').getTimezoneOffset()).toBe(0);
  const inUtc = sample();
  for (const [tz, offset] of OTHER_ZONES) {
    process.env.TZ = tz;
    // Proves the switch took effect for this process before comparing.
    expect(new Date('2026-01-15T00:00:00Z').getTimezoneOffset()).toBe(offset);
    expect(sample()).toEqual(inUtc);
  }
}

/** Runs `run` with every local-time getter of Date throwing (a call would read the machine's zone); returns its result. */
export function withoutLocalTime<T>(run: () => T): T {
  const local = [
    'getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds', 'getMilliseconds',
    'getTimezoneOffset', 'toString', 'toDateString', 'toTimeString', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString',
  ] as const;
  for (const name of local) {
    vi.spyOn(Date.prototype, name).mockImplementation(() => {
      throw new Error(`Date.prototype.${name} called: depends on the machine's zone`);
    });
  }
  try {
    return run();
  } finally {
    vi.restoreAllMocks();
  }
}

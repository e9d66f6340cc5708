import { startHost, type HostProcess } from './host-process';

/** Starts the browser host with the movable demo clock (`--demo-clock`, so `demo.clock` may move time forward). */
export function startDemoClockHost(dataDir: string): Promise<HostProcess> {
  return startHost(dataDir, ['--demo-clock']);
}

/** The wall date and time of `at` in `zone` ('YYYY-MM-DD', 'HH:mm'), as the window fields take them. */
export function wallTime(at: Date, zone: string): { date: string; time: string } {
  const p: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const part of format.formatToParts(at)) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** A 'YYYY-MM-DD' calendar date `days` later. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant of wall time `date` `time` in `zone` (the test picks 15:00, never inside a DST gap). */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const asUtc = new Date(`${date}T${time}:00Z`).getTime();
  const offsetAt = (ms: number) => {
    const wall = wallTime(new Date(ms), zone);
    return new Date(`${wall.date}T${wall.time}:00Z`).getTime() - ms;
  };
  const first = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(first));
}

/** "15:00 Wed 2 Dec", the way the app writes a moment at the property. */
export function siteMoment(at: Date, zone: string): string {
  const p: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const part of format.formatToParts(at)) p[part.type] = part.value;
  return `${p.hour}:${p.minute} ${p.weekday} ${p.day} ${p.month}`;
}

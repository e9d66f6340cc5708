import { afterEach, describe, expect, it } from 'vitest';
import type { AttemptOutcome, CodePut } from '../ports/lock-port';
import { NUKI_COMMAND } from './protocol/command-ids';
import { freshPut, openGuard, startNukiSite, TEST_SPEC, type NukiSite } from './nuki-test-support';

/** Keypad codes through the virtual Nuki lock (the real protocol below a BleRadio), driven as the queue drives them. */

const ADDRESS = TEST_SPEC.address;
const NO_PROVEN = { provenCodes: [] };
let site: NukiSite;

afterEach(async () => {
  await site?.close();
});

async function readySite(spec: Parameters<typeof startNukiSite>[0] = {}): Promise<NukiSite> {
  site = await startNukiSite(spec);
  await site.connection.readiness!.allSettled();
  await site.connection.readProfile(ADDRESS);
  return site;
}

const put = (puts: CodePut[]): Promise<Map<string, AttemptOutcome>> => site.connection.putCodes(ADDRESS, puts, openGuard(), NO_PROVEN);
const codesWith = (pin: string) => site.handle.lock.keypadCodes().filter((c) => c.code === pin);

describe('Nuki connection: putting codes on the virtual lock', () => {
  it('puts 3 fresh codes with 3 adds and 1 list, each confirmed by the list under the id the lock gave', async () => {
    await readySite();
    const guard = openGuard();
    const before = site.connection.commandsSent();
    const adds = site.handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE);
    const outcomes = await site.connection.putCodes(ADDRESS, [freshPut('a', '345678'), freshPut('b', '456789'), freshPut('c', '567891')], guard, NO_PROVEN);
    expect([...outcomes.values()]).toEqual([
      { kind: 'confirmed', proof: 'list', slot: 3 },
      { kind: 'confirmed', proof: 'list', slot: 4 },
      { kind: 'confirmed', proof: 'list', slot: 5 },
    ]);
    expect(site.connection.commandsSent() - before).toBe(4);
    expect(site.handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE) - adds).toBe(3);
    expect(guard.asked).toEqual([['a', 'b', 'c']]);
    expect(site.handle.lock.keypadCodes().map((c) => [c.codeId, c.code, c.name])).toEqual([
      [1, '468135', 'Family'],
      [2, '735291', 'Gardener'],
      [3, '345678', 'Guest a'],
      [4, '456789', 'Guest b'],
      [5, '567891', 'Guest c'],
    ]);
    expect(site.connection.knownCodes(ADDRESS).map((s) => s.slot)).toEqual([1, 2, 3, 4, 5]);
  });

  it('puts a time-limited code with its window as UTC dates, every day, all day', async () => {
    await readySite();
    const window = { startsAt: '2025-06-10T14:00:00.400Z', endsAt: '2025-06-14T10:00:00Z', siteTimeZone: 'Europe/Berlin', lockOffsetMinutes: 120 };
    const outcomes = await put([{ ...freshPut('w', '356912', 'Smith family'), window }]);
    expect(outcomes.get('w')).toEqual({ kind: 'confirmed', proof: 'list', slot: 3 });
    const [stored] = codesWith('356912');
    expect(stored?.schedule).toEqual({
      allowedFrom: Date.parse('2025-06-10T14:00:00Z'),
      allowedUntil: Date.parse('2025-06-14T10:00:00Z'),
      weekdays: 0x7f,
      fromTime: { hour: 0, minute: 0 },
      untilTime: { hour: 0, minute: 0 },
    });
    expect(await site.connection.readCode(ADDRESS, 3)).toEqual({ slot: 3, status: 'enabled', code: '356912' });
  });

  it('fits a long name into 20 bytes between characters', async () => {
    await readySite();
    const outcomes = await put([freshPut('n', '398765', 'Ferienwohnung Größe Süd')]);
    expect(outcomes.get('n')).toMatchObject({ kind: 'confirmed' });
    expect(codesWith('398765')[0]?.name).toBe('Ferienwohnung Größ');
  });

  it('gives a duplicate, an invalid code and a full lock their permanent outcomes', async () => {
    await readySite({ spec: { codeCapacity: 3 } });
    const outcomes = await put([
      freshPut('dup', '468135'),
      freshPut('zero', '102345'),
      freshPut('twelve', '123456'),
      freshPut('fits', '654321'),
      freshPut('full', '765432'),
      freshPut('also-full', '876543'),
    ]);
    expect(outcomes.get('dup')).toMatchObject({ kind: 'permanent', error: 'duplicate_code_on_device' });
    expect(outcomes.get('zero')).toMatchObject({ kind: 'permanent', error: 'code_constraints_violated' });
    expect(outcomes.get('twelve')).toMatchObject({ kind: 'permanent', error: 'code_constraints_violated' });
    expect(outcomes.get('fits')).toEqual({ kind: 'confirmed', proof: 'list', slot: 3 });
    expect(outcomes.get('full')).toMatchObject({ kind: 'permanent', error: 'no_space_for_access_code_on_device' });
    expect(outcomes.get('also-full')).toMatchObject({ kind: 'permanent', error: 'no_space_for_access_code_on_device' });
    // The lock said "full" once: the last code was not sent.
    expect(site.handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE)).toBe(5);
  });

  it('after a link dropped behind an executed Add, finds the code by listing and does not add it again', async () => {
    await readySite();
    site.handle.dropLinkAfterNextCommand(NUKI_COMMAND.ADD_KEYPAD_CODE);
    const first = await put([freshPut('x', '482915')]);
    expect(first.get('x')).toMatchObject({ kind: 'transient', mayHaveReached: true });
    expect(codesWith('482915')).toHaveLength(1);

    const guard = openGuard();
    const retry = await site.connection.putCodes(ADDRESS, [{ ...freshPut('x', '482915'), mayBeThere: true }], guard, NO_PROVEN);
    expect(retry.get('x')).toEqual({ kind: 'confirmed', proof: 'list', slot: 3 });
    expect(guard.asked).toEqual([]);
    expect(site.handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE)).toBe(1);
    expect(codesWith('482915')).toHaveLength(1);
  });

  it('refuses, without sending, a fresh PIN the list shows is already held by another code', async () => {
    await readySite();
    const outcomes = await put([{ ...freshPut('again', '591827'), mayBeThere: true }, freshPut('theirs', '735291')]);
    expect(outcomes.get('theirs')).toMatchObject({ kind: 'permanent', error: 'duplicate_code_on_device' });
    expect(outcomes.get('again')).toEqual({ kind: 'confirmed', proof: 'list', slot: 3 });
    expect(site.handle.commandsReceived(NUKI_COMMAND.ADD_KEYPAD_CODE)).toBe(1);
  });

  it('puts 30 fresh codes with 31 commands (commands per verified code)', async () => {
    await readySite();
    const digit = (n: number): string => String((n % 9) + 1);
    const pins = Array.from({ length: 30 }, (_, i) => `4${digit(i)}${digit(Math.floor(i / 9))}567`);
    const before = site.connection.commandsSent();
    const outcomes = await put(pins.map((pin, i) => freshPut(`k${i}`, pin)));
    const confirmed = [...outcomes.values()].filter((o) => o.kind === 'confirmed').length;
    expect(confirmed).toBe(30);
    expect(site.connection.commandsSent() - before).toBe(31);
  });
});

describe('Nuki connection: removing codes from the virtual lock', () => {
  it('removes our code by its id and proves it gone by a list', async () => {
    await readySite();
    const slot = ((await put([freshPut('r', '612345')])).get('r') as { slot: number }).slot;
    const outcome = await site.connection.removeCode(ADDRESS, { key: 'rm', slot, pin: '612345', wasScheduled: false }, openGuard());
    expect(outcome).toEqual({ kind: 'confirmed', proof: 'list' });
    expect(codesWith('612345')).toHaveLength(0);
    expect(site.connection.knownCodes(ADDRESS).some((s) => s.slot === slot)).toBe(false);
  });

  it('finds our code by its PIN when its id was never known', async () => {
    await readySite();
    await put([freshPut('r', '623456')]);
    const outcome = await site.connection.removeCode(ADDRESS, { key: 'rm', slot: null, pin: '623456', wasScheduled: true }, openGuard());
    expect(outcome).toEqual({ kind: 'confirmed', proof: 'list' });
    expect(codesWith('623456')).toHaveLength(0);
  });

  it('never removes a code made elsewhere, and needs nothing for a code that is gone', async () => {
    await readySite();
    const guard = openGuard();
    const other = await site.connection.removeCode(ADDRESS, { key: 'rm', slot: 1, pin: '999999', wasScheduled: false }, guard);
    expect(other).toEqual({ kind: 'confirmed', proof: null });
    const gone = await site.connection.removeCode(ADDRESS, { key: 'rm2', slot: 42, pin: '634567', wasScheduled: false }, guard);
    expect(gone).toEqual({ kind: 'confirmed', proof: null });
    expect(guard.asked).toEqual([]);
    expect(site.handle.commandsReceived(NUKI_COMMAND.REMOVE_KEYPAD_CODE)).toBe(0);
    expect(site.handle.lock.keypadCodes().map((c) => c.codeId)).toEqual([1, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { codeCloudLine, codeCloudState, conflictRows, deviceLabel, doorLinkWords, foreignCodeView } from './cloud-words';
import { sampleCloudState, sampleConflict, sampleDevice, sampleForeignCode } from './testing/cloud-samples';
import { sampleCode, sampleDoor } from './testing/sample-data';

const zone = 'Europe/Berlin';
const now = new Date('2026-03-14T16:00:00Z');
const linked = (over: Parameters<typeof sampleCloudState>[0] = {}) => sampleCode({ cloud: sampleCloudState(over) });

describe('a code in the cloud', () => {
  it('has no cloud line while its door is not linked', () => {
    expect(codeCloudLine(sampleCode(), zone, now)).toBeNull();
  });

  it('says set, with when the cloud last confirmed it', () => {
    expect(codeCloudLine(linked(), zone, now)).toMatchObject({ state: 'set', tone: 'ok', text: 'Cloud: set (as of 14:02)', issue: null });
    expect(codeCloudLine(linked({ status: 'setting' }), zone, now)?.text).toBe('Cloud: setting… (as of 14:02)');
  });

  it('not yet in the cloud, waiting to sync a local change, removed in the cloud, in conflict', () => {
    expect(codeCloudState(linked({ access_code_id: null, base: null, status: null }))).toBe('not_in_cloud');
    expect(codeCloudLine(sampleCode({ name: 'Renamed', cloud: sampleCloudState() }), zone, now)).toMatchObject({ state: 'waiting', text: 'Cloud: waiting to sync' });
    expect(codeCloudLine(linked({ removed_in_cloud: true }), zone, now)?.text).toBe('Cloud: removed in the cloud');
    const conflict = { cloud: { name: 'X', code: '4829', starts_at: null, ends_at: null }, seen_at: '2026-03-14T13:00:00Z' };
    expect(codeCloudState(linked({ conflict }))).toBe('conflict');
  });

  it('the same instant written differently is no local change', () => {
    const code = sampleCode({ type: 'time_bound', starts_at: '2026-03-14T15:00:00Z', ends_at: null, cloud: sampleCloudState({ base: { name: 'Resident', code: '4829', starts_at: '2026-03-14T15:00:00.000Z', ends_at: null } }) });
    expect(codeCloudState(code)).toBe('set');
  });

  it('shows the cloud\'s error in words, with the Seam name kept', () => {
    const line = codeCloudLine(linked({ errors: [{ error_code: 'failed_to_set_on_device', message: 'Lock offline', created_at: '2026-03-14T13:00:00Z' }] }), zone, now);
    expect(line).toMatchObject({ tone: 'fail', issue: { code: 'failed_to_set_on_device', title: 'The lock did not take this code', tone: 'fail' } });
    const warned = codeCloudLine(linked({ warnings: [{ error_code: 'some_new_warning', message: 'Cloud says hi', created_at: '2026-03-14T13:00:00Z' }] }), zone, now);
    expect(warned?.issue).toMatchObject({ title: 'Cloud says hi', tone: 'warn' });
  });
});

describe('codes made in the cloud, doors and devices', () => {
  it('a foreign code: name, type, window in the site\'s time, status; never a PIN', () => {
    const view = foreignCodeView(sampleForeignCode(), zone);
    expect(view).toEqual({ name: 'Cleaner', type: 'Time-bound', window: '09:00 Sun 15 Mar → 13:00 Sun 15 Mar', status: 'Set', managed: null });
    expect(foreignCodeView(sampleForeignCode({ type: 'ongoing', starts_at: null, ends_at: null, is_managed: false, status: 'odd' }), zone)).toMatchObject({
      window: 'No end',
      status: 'odd',
      managed: 'Unmanaged in the cloud',
    });
  });

  it('a door\'s link, by the device\'s name when known', () => {
    expect(doorLinkWords(sampleDoor())).toBe('Not linked to the cloud');
    const link = { device_id: 'dev-1', linked_at: '2026-03-14T13:00:00Z', facts: null };
    expect(doorLinkWords(sampleDoor({ cloud: link }))).toBe('Linked to cloud device dev-1');
    expect(doorLinkWords(sampleDoor({ cloud: link }), [sampleDevice()])).toBe('Linked to cloud device Front door lock');
    expect(doorLinkWords(sampleDoor({ cloud: { ...link, facts: sampleDevice({ name: 'Porch' }) } }))).toBe('Linked to cloud device Porch');
  });

  it('a device in the link wizard', () => {
    expect(deviceLabel(sampleDevice())).toBe('Front door lock (Schlage BE469ZP, serial SN-1)');
    expect(deviceLabel(sampleDevice({ manufacturer: null, model: null, serial_number: null, online: false }))).toBe('Front door lock – offline');
  });
});

describe('conflictRows', () => {
  it('both versions field by field in the site\'s time, marking what differs', () => {
    expect(conflictRows(sampleConflict(), zone)).toEqual([
      { field: 'name', label: 'Name', laptop: 'Guest Smith', cloud: 'Guest', differs: true },
      { field: 'code', label: 'PIN', laptop: '4829', cloud: '4829', differs: false },
      { field: 'starts_at', label: 'Starts', laptop: '16:00 Sat 14 Mar', cloud: '16:00 Sat 14 Mar', differs: false },
      { field: 'ends_at', label: 'Ends', laptop: '12:00 Mon 16 Mar', cloud: '12:00 Tue 17 Mar', differs: true },
    ]);
    const ongoing = { name: null, code: '1111', starts_at: null, ends_at: null };
    expect(conflictRows({ laptop: ongoing, cloud: ongoing }, zone).map((r) => r.laptop)).toEqual(['No name', '1111', 'No start (ongoing)', 'No end']);
  });
});

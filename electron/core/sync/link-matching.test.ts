import { describe, expect, it } from 'vitest';
import type { CloudDeviceFacts } from '../../../shared/domain/cloud';
import { sampleDoor, sampleLockProfile } from '../../../shared/testing/samples';
import { suggestLinks } from './link-matching';

const device = (id: string, over: Partial<CloudDeviceFacts> = {}): CloudDeviceFacts => ({
  device_id: id, name: id, manufacturer: 'Schlage', model: null, serial_number: null, online: true, can_program_online_access_codes: true,
  supported_code_lengths: [4, 5, 6], max_active_codes_supported: 30, code_constraints: [], battery_level: 0.8, warnings: [], errors: [], read_at: '2026-11-30T10:00:00Z', ...over,
});

describe('suggestLinks', () => {
  it('matches by serial first, then by name (case and punctuation aside), then by the only device of the model', () => {
    const doors = [
      sampleDoor({ id: 'd1', name: 'Unit 4B', lastProfile: sampleLockProfile({ serialNumber: 'SN-0042' }) }),
      sampleDoor({ id: 'd2', name: 'Front Door' }),
      sampleDoor({ id: 'd3', name: 'Shed', lastProfile: sampleLockProfile({ model: 'BE469ZP' }) }),
    ];
    const devices = [device('a', { name: 'Lobby', serial_number: 'sn0042' }), device('b', { name: 'front-door' }), device('c', { name: 'Garden', model: 'BE469' })];
    expect(suggestLinks(doors, devices)).toEqual([
      { door_id: 'd1', device_id: 'a', reason: 'serial' },
      { door_id: 'd2', device_id: 'b', reason: 'name' },
      { door_id: 'd3', device_id: 'c', reason: 'model' },
    ]);
  });

  it('never offers one device twice, keeps a linked door on its device, and guesses nothing from a model two devices share', () => {
    const doors = [
      sampleDoor({ id: 'd1', name: 'Front door', cloud: { device_id: 'a', linked_at: '2026-11-30T10:00:00Z', facts: null } }),
      sampleDoor({ id: 'd2', name: 'Front door' }),
      sampleDoor({ id: 'd3', name: 'Back', lastProfile: sampleLockProfile({ model: 'BE469ZP' }) }),
    ];
    const devices = [device('a', { name: 'Front door' }), device('b', { name: 'X', model: 'BE469' }), device('c', { name: 'Y', model: 'BE469' })];
    expect(suggestLinks(doors, devices)).toEqual([]);
  });
});

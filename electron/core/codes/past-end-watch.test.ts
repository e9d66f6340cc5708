import { describe, expect, it } from 'vitest';
import { sampleAccessCode } from '../../../shared/testing/samples';
import { pastEndOnLock } from './past-end-watch';

const now = new Date('2026-05-11T10:00:00.000Z');
const guest = (over: Parameters<typeof sampleAccessCode>[0]) =>
  sampleAccessCode({ type: 'time_bound', starts_at: '2026-05-09T13:00:00.000Z', ends_at: '2026-05-11T09:00:00.000Z', scheduled_by: 'lockbench', status: 'removing', ...over });
const doors = [{ id: 'front', name: 'Front door' }, { id: 'back', name: 'Back door' }];

describe('guest PINs past their end that may still work', () => {
  it('counts Lockbench-scheduled codes past their end whose removal the lock has not confirmed, per door', () => {
    const codes = [
      guest({ access_code_id: 'a', door_id: 'back' }),
      guest({ access_code_id: 'b', door_id: 'back' }),
      guest({ access_code_id: 'c', door_id: 'back', is_removed: true, status: 'unset' }), // removed: confirmed gone
      guest({ access_code_id: 'd', door_id: 'front', scheduled_by: 'lock' }), // the lock's own schedule refuses it
      guest({ access_code_id: 'e', door_id: 'front', ends_at: '2026-05-12T09:00:00.000Z', status: 'set' }), // not over
    ];
    expect(pastEndOnLock(codes, doors, now)).toEqual([{ doorId: 'back', doorName: 'Back door', count: 2 }]);
  });

  it('is empty when nothing is overdue', () => {
    expect(pastEndOnLock([guest({ status: 'set', ends_at: '2026-06-01T00:00:00.000Z' })], doors, now)).toEqual([]);
  });
});

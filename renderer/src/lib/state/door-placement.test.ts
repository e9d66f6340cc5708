import { describe, expect, it } from 'vitest';
import type { DoorView } from '../../../../shared/domain/door';
import { DoorPlacement } from './door-placement.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor } from '../testing/sample-data';

function setup(door: DoorView = sampleDoor({ floor: '1', group: 'flat', unit: '1.02' })) {
  const placed = sampleDoor({ floor: '2', group: 'common', unit: null });
  const bridge = new FakeBridge().answer('doors.place', placed);
  const changed: DoorView[] = [];
  const form = new DoorPlacement(bridge, () => door, (d) => changed.push(d));
  return { bridge, form, changed, placed };
}

describe('DoorPlacement', () => {
  it('opens with the door’s place and sends empty parts as not said', async () => {
    const { bridge, form, changed, placed } = setup();
    form.edit();
    expect([form.floor, form.group, form.unit, form.canSave]).toEqual(['1', 'flat', '1.02', true]);
    form.floor = ' 2 ';
    form.group = 'common';
    form.unit = '   ';
    expect(await form.save()).toBe(true);
    expect(bridge.sent('doors.place')).toEqual([{ doorId: 'door-1', floor: '2', group: 'common', unit: null }]);
    expect([changed, form.isEditing, form.justSaved]).toEqual([[placed], false, true]);
  });

  it('names a floor or unit that cannot be used and sends nothing', async () => {
    const { bridge, form } = setup(sampleDoor());
    form.edit();
    expect([form.floor, form.group, form.unit]).toEqual(['', '', '']);
    form.floor = 'x'.repeat(21);
    form.unit = 'Flat\u202e12';
    expect(form.floorProblem).toBe('Floor is longer than 20 characters');
    expect(form.unitProblem).toMatch(/^Unit has a text-direction override/);
    expect(await form.save()).toBe(false);
    expect(bridge.sent('doors.place')).toEqual([]);
  });

  it('keeps everything typed when main refuses, and cancel sends nothing', async () => {
    const { bridge, form, changed } = setup();
    bridge.refuse('doors.place', 'ipc.invalid_request');
    form.edit();
    form.floor = 'Mezzanine';
    form.unit = 'M.01';
    expect(await form.save()).toBe(false);
    expect([form.error?.code, form.isEditing, form.floor, form.unit, form.group, changed]).toEqual(['ipc.invalid_request', true, 'Mezzanine', 'M.01', 'flat', []]);
    form.cancel();
    expect([form.isEditing, form.error, bridge.sent('doors.place').length]).toEqual([false, null, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import type { DoorView } from '../../../../shared/domain/door';
import { SecurityPin } from './security-pin.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor } from '../testing/sample-data';

const nukiDoor = sampleDoor({ id: 'door-nuki', lockAddress: { protocol: 'nuki', address: '54:D2:72:3C:88:62' } });

function setup() {
  const bridge = new FakeBridge().answer('bluetooth.setSecurityPin', nukiDoor);
  const changed: DoorView[] = [];
  const form = new SecurityPin(bridge, 'door-nuki', (door) => changed.push(door));
  return { bridge, form, changed };
}

describe('SecurityPin', () => {
  it('names what is wrong and sends nothing until the PIN is 4 to 6 digits', async () => {
    const { bridge, form } = setup();
    expect([form.problem, form.canSave]).toEqual(['Type the lock’s security PIN.', false]);
    form.pin = '12';
    expect(form.problem).toBe('The security PIN is 4 to 6 digits.');
    expect(await form.save()).toBe(false);
    expect(bridge.sent('bluetooth.setSecurityPin')).toEqual([]);
  });

  it('sends the PIN for the door, clears it once kept, and hands on the door', async () => {
    const { bridge, form, changed } = setup();
    form.pin = '4711';
    let finish!: () => void;
    bridge.handle('bluetooth.setSecurityPin', () => new Promise((resolve) => (finish = () => resolve({ ok: true, value: nukiDoor }))));
    const saving = form.save();
    expect([form.isSaving, form.canSave]).toEqual([true, false]);
    finish();
    expect(await saving).toBe(true);
    expect(bridge.sent('bluetooth.setSecurityPin')).toEqual([{ doorId: 'door-nuki', securityPin: '4711' }]);
    expect([form.pin, form.isSaved, form.error]).toEqual(['', true, null]);
    expect(changed.map((d) => d.id)).toEqual(['door-nuki']);
    form.pin = '1';
    expect(form.isSaved).toBe(false);
  });

  it('a PIN the lock refuses is cleared and the field asks for the focus again', async () => {
    const { bridge, form, changed } = setup();
    bridge.refuse('bluetooth.setSecurityPin', 'lock.bad_security_pin');
    form.pin = '4711';
    await form.save();
    expect([form.pin, form.error?.code, form.focusRequests, form.isSaved]).toEqual(['', 'lock.bad_security_pin', 1, false]);
    expect(changed).toEqual([]);
  });

  it('another refusal keeps the PIN typed for a retry', async () => {
    const { bridge, form } = setup();
    bridge.refuse('bluetooth.setSecurityPin', 'lock.no_answer');
    form.pin = '4711';
    await form.save();
    expect([form.pin, form.error?.code, form.focusRequests]).toEqual(['4711', 'lock.no_answer', 0]);
    bridge.answer('bluetooth.setSecurityPin', nukiDoor);
    expect(await form.save()).toBe(true);
    expect(form.error).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { DoorCodes } from './door-codes.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleCode, sampleDoor } from '../testing/sample-data';

function setup(codes = [sampleCode({ status: 'set' })]) {
  const bridge = new FakeBridge().answer('codes.list', codes);
  const door = sampleDoor();
  return { bridge, codes: new DoorCodes(bridge, () => door, door.id) };
}

describe('DoorCodes', () => {
  it('loads the codes and shows the lock rules', async () => {
    const { codes } = setup();
    await codes.start();
    expect(codes.active).toHaveLength(1);
    expect(codes.rules).toContain('Digits 0–9 only');
  });

  it('fills the PIN from codes.generate before saving', async () => {
    const { bridge, codes } = setup([]);
    bridge.answer('codes.generate', { code: '583920' });
    await codes.generate();
    expect(codes.pin).toBe('583920');
    expect(bridge.sent('codes.create')).toEqual([]);
  });

  it('saves name and PIN, then clears the form', async () => {
    const { bridge, codes } = setup([]);
    bridge.handle('codes.create', ({ name, code }) => ({ ok: true, value: sampleCode({ access_code_id: 'new', name: name ?? null, code: code ?? '' }) }));
    codes.name = ' Flat 3 ';
    codes.pin = '4829';
    expect(codes.canSave).toBe(true);
    expect(await codes.save()).toBe(true);
    expect(bridge.sent('codes.create')).toEqual([{ doorId: 'door-1', name: 'Flat 3', code: '4829' }]);
    expect(codes.active.map((c) => [c.access_code_id, c.status])).toEqual([['new', 'setting']]);
    expect([codes.name, codes.pin]).toEqual(['', '']);
  });

  it('keeps the weak-PIN warning of a code saved at once for the confirmation after the form clears', async () => {
    const { bridge, codes } = setup([]);
    bridge.handle('codes.create', ({ name }) => ({ ok: true, value: sampleCode({ access_code_id: 'weak', name: name ?? null }) }));
    codes.name = 'Quick';
    codes.pin = '1234';
    expect(codes.warning).not.toBeNull();
    expect(await codes.save()).toBe(true);
    expect(codes.warning).toBeNull();
    expect(codes.lastSaved).toMatchObject({ accessCodeId: 'weak', name: 'Quick' });
    expect(codes.lastSaved?.warning).toMatch(/PINs people try first/);
    codes.pin = '4829';
    expect(await codes.save()).toBe(true);
    expect(codes.lastSaved?.warning).toBeNull();
    codes.dismissSaved();
    expect(codes.lastSaved).toBeNull();
  });

  it('keeps the typed name and PIN on a refusal and names the rule; editing the PIN clears it', async () => {
    const { bridge, codes } = setup([]);
    bridge.refuse('codes.create', 'codes.constraint_violated', { rule: 'supported_code_lengths' });
    codes.name = 'Cleaner';
    codes.pin = '12';
    expect(codes.hint?.rule).toBe('supported_code_lengths');
    expect(await codes.save()).toBe(false);
    expect(codes.formError).toMatchObject({ code: 'codes.constraint_violated', details: { rule: 'supported_code_lengths' } });
    expect([codes.name, codes.pin]).toEqual(['Cleaner', '12']);
    codes.pin = '1234';
    expect(codes.formError).toBeNull();
  });

  it('cannot save an empty PIN', () => {
    const { codes } = setup([]);
    codes.pin = '  ';
    expect(codes.canSave).toBe(false);
  });

  it('follows codes.changed for this door: setting → set, then removed into the history', async () => {
    const { bridge, codes } = setup([sampleCode({ status: 'setting' })]);
    await codes.start();
    bridge.emit('codes.changed', sampleCode({ status: 'set', updated_at: '2025-01-01T10:01:00.000Z' }));
    expect(codes.active[0]?.status).toBe('set');
    bridge.emit('codes.changed', sampleCode({ door_id: 'door-2', access_code_id: 'other' }));
    expect(codes.codes).toHaveLength(1);
    bridge.emit('codes.changed', sampleCode({ status: 'set', is_removed: true, updated_at: '2025-01-01T10:02:00.000Z' }));
    expect(codes.active).toHaveLength(0);
    expect(codes.removed).toHaveLength(1);
  });

  it('ignores an older update arriving after a newer one', async () => {
    const { bridge, codes } = setup([sampleCode({ status: 'set', updated_at: '2025-01-01T10:05:00.000Z' })]);
    await codes.start();
    bridge.emit('codes.changed', sampleCode({ status: 'setting', updated_at: '2025-01-01T10:01:00.000Z' }));
    expect(codes.active[0]?.status).toBe('set');
  });

  it('removes a code, and keeps a failed removal per row', async () => {
    const { bridge, codes } = setup();
    await codes.start();
    bridge.answer('codes.remove', sampleCode({ status: 'removing', updated_at: '2025-01-01T10:03:00.000Z' }));
    const removing = codes.remove('code-1');
    expect(codes.removing['code-1']).toBe(true);
    await removing;
    expect(codes.removing['code-1']).toBeUndefined();
    expect(codes.active[0]?.status).toBe('removing');
    bridge.refuse('codes.remove', 'door.not_connected');
    await codes.remove('code-1');
    expect(codes.removeErrors['code-1']?.code).toBe('door.not_connected');
  });

  it('reloads after the link comes back, keeping what was typed', async () => {
    const { bridge, codes } = setup();
    await codes.start();
    codes.pin = '4829';
    bridge.setLink('down');
    bridge.setLink('up');
    expect(bridge.sent('codes.list')).toHaveLength(2);
    expect(codes.pin).toBe('4829');
  });

  it('unsubscribes on dispose', async () => {
    const { bridge, codes } = setup();
    await codes.start();
    codes.dispose();
    expect(bridge.listenerCount('codes.changed')).toBe(0);
  });

  it('takes in a code created elsewhere on this door (an adopted one), and ignores other doors', () => {
    const { codes } = setup([]);
    codes.accept(sampleCode({ access_code_id: 'adopted' }));
    codes.accept(sampleCode({ access_code_id: 'other', door_id: 'door-2' }));
    expect(codes.codes.map((c) => c.access_code_id)).toEqual(['adopted']);
  });
});

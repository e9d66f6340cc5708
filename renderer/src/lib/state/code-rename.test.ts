import { describe, expect, it } from 'vitest';
import { CodeRename } from './code-rename.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleCode } from '../testing/sample-data';
import type { AccessCode } from '../../../../shared/domain/access-code';

function setup() {
  const bridge = new FakeBridge().handle('codes.update', ({ name }) => ({ ok: true, value: sampleCode({ name: name ?? null, updated_at: '2026-03-14T13:00:00.000Z' }) }));
  const renamed: AccessCode[] = [];
  return { bridge, renamed, rename: new CodeRename(bridge, 'door-1', (c) => renamed.push(c)) };
}

describe('CodeRename', () => {
  it('opens on a code with its name, saves the trimmed new name and closes', async () => {
    const { bridge, rename, renamed } = setup();
    rename.start(sampleCode());
    expect([rename.editingId, rename.name]).toEqual(['code-1', 'Resident']);
    rename.name = '  Flat 3 ';
    expect(await rename.save()).toBe(true);
    expect(bridge.sent('codes.update')).toEqual([{ doorId: 'door-1', accessCodeId: 'code-1', name: 'Flat 3' }]);
    expect(renamed[0]?.name).toBe('Flat 3');
    expect(rename.editingId).toBeNull();
    expect(rename.lastClosedId).toBe('code-1');
  });

  it('an empty name removes the name', async () => {
    const { bridge, rename } = setup();
    rename.start(sampleCode());
    rename.name = '   ';
    expect(rename.canSave).toBe(true);
    await rename.save();
    expect(bridge.sent('codes.update')).toEqual([{ doorId: 'door-1', accessCodeId: 'code-1', name: '' }]);
  });

  it('judges the name on screen with the contract\'s schema', async () => {
    const { bridge, rename } = setup();
    rename.start(sampleCode());
    rename.name = 'x'.repeat(61);
    expect(rename.problem).toBe('Name is longer than 60 characters');
    expect(rename.canSave).toBe(false);
    rename.name = 'Flat\u202e3';
    expect(rename.problem).toMatch(/^Name has a text-direction override/);
    expect(await rename.save()).toBe(false);
    expect(bridge.sent('codes.update')).toEqual([]);
  });

  it('a refusal keeps the typed name and the form open', async () => {
    const { bridge, rename } = setup();
    bridge.refuse('codes.update', 'codes.not_found');
    rename.start(sampleCode());
    rename.name = 'Cleaner';
    expect(await rename.save()).toBe(false);
    expect([rename.editingId, rename.name, rename.error?.code]).toEqual(['code-1', 'Cleaner', 'codes.not_found']);
    rename.cancel();
    expect([rename.editingId, rename.error]).toEqual([null, null]);
  });
});

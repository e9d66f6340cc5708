import { describe, expect, it } from 'vitest';
import type { AccessCode } from '../../../../shared/domain/access-code';
import { UnmanagedCodes } from './unmanaged-codes.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleCode, sampleUnmanaged } from '../testing/sample-data';

function setup() {
  const bridge = new FakeBridge().answer('codes.unmanaged', [sampleUnmanaged(), sampleUnmanaged({ slot: 9, code: '****', is_masked: true })]);
  const adopted: AccessCode[] = [];
  const unmanaged = new UnmanagedCodes(bridge, 'door-1', (code) => adopted.push(code));
  return { bridge, unmanaged, adopted };
}

describe('UnmanagedCodes', () => {
  it('lists the codes Lockbench did not create', async () => {
    const { bridge, unmanaged } = setup();
    await unmanaged.load();
    expect(bridge.sent('codes.unmanaged')).toEqual([{ doorId: 'door-1' }]);
    expect(unmanaged.visible.map((c) => [c.slot, c.is_masked])).toEqual([[7, false], [9, true]]);
  });

  it('adopts a slot with its optional name and hands the new code to the door', async () => {
    const { bridge, unmanaged, adopted } = setup();
    await unmanaged.load();
    bridge.answer('codes.adopt', sampleCode({ access_code_id: 'adopted', slot: 7, name: 'Owner' }));
    unmanaged.names[7] = ' Owner ';
    expect(await unmanaged.adopt(7)).toBe(true);
    await unmanaged.adopt(9);
    expect(bridge.sent('codes.adopt')).toEqual([{ doorId: 'door-1', slot: 7, name: 'Owner' }, { doorId: 'door-1', slot: 9 }]);
    expect(adopted.map((c) => c.access_code_id)).toEqual(['adopted', 'adopted']);
    expect(unmanaged.codes).toEqual([]);
  });

  it('clears only after the second tap on the same slot', async () => {
    const { bridge, unmanaged } = setup();
    await unmanaged.load();
    bridge.answer('codes.clearUnmanaged', sampleCode({ slot: 7, status: 'removing' }));
    expect(await unmanaged.confirmClear(7)).toBe(false);
    unmanaged.askClear(9);
    expect(await unmanaged.confirmClear(7)).toBe(false);
    unmanaged.askClear(7);
    expect(await unmanaged.confirmClear(7)).toBe(true);
    expect(bridge.sent('codes.clearUnmanaged')).toEqual([{ doorId: 'door-1', slot: 7 }]);
    expect(unmanaged.codes.map((c) => c.slot)).toEqual([9]);
  });

  it('leaves a code alone without sending anything, and can show it again', async () => {
    const { bridge, unmanaged } = setup();
    await unmanaged.load();
    unmanaged.askClear(7);
    unmanaged.leave(7);
    expect(unmanaged.visible.map((c) => c.slot)).toEqual([9]);
    expect(unmanaged.confirmingClear).toBeNull();
    expect(bridge.calls.map((c) => c.channel)).toEqual(['codes.unmanaged']);
    unmanaged.showAll();
    expect(unmanaged.visible).toHaveLength(2);
  });

  it('keeps a refusal per slot and the code in the list', async () => {
    const { bridge, unmanaged } = setup();
    await unmanaged.load();
    bridge.refuse('codes.adopt', 'door.not_connected');
    expect(await unmanaged.adopt(7)).toBe(false);
    expect(unmanaged.errors[7]?.code).toBe('door.not_connected');
    expect(unmanaged.codes).toHaveLength(2);
    bridge.refuse('codes.unmanaged', 'door.not_found');
    await unmanaged.load();
    expect(unmanaged.loadError?.code).toBe('door.not_found');
  });
});

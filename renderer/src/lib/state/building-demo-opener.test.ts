import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleSite } from '../testing/sample-data';
import { BuildingDemoOpener } from './building-demo-opener.svelte';

describe('BuildingDemoOpener', () => {
  it('is offered beside the house demo until the building is there', () => {
    const opener = new BuildingDemoOpener(new FakeBridge());
    expect(opener.isOffered([sampleSite({ id: 'demo' })])).toBe(true);
    expect(opener.isOffered([sampleSite({ id: 'demo' }), sampleSite({ id: 'demo-building' })])).toBe(false);
    expect(opener.isOffered([sampleSite({ id: 'site-1' })])).toBe(false);
  });

  it('opens the building demo and gives its site; a refusal is kept to show', async () => {
    const building = sampleSite({ id: 'demo-building', name: 'Building demo' });
    const bridge = new FakeBridge().answer('demo.building', building);
    const opener = new BuildingDemoOpener(bridge);
    expect(await opener.open()).toEqual(building);
    expect([opener.isOpening, opener.error]).toEqual([false, null]);
    bridge.refuse('demo.building', 'ble.unavailable');
    expect(await opener.open()).toBeNull();
    expect(opener.error?.code).toBe('ble.unavailable');
  });
});

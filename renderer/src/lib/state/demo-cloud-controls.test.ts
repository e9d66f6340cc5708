import { describe, expect, it } from 'vitest';
import type { DoorView } from '../../../../shared/domain/door';
import { DemoCloudControls } from './demo-cloud-controls.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleCode, sampleDoor } from '../testing/sample-data';

const linked = sampleDoor({ cloud: { device_id: 'dev-1', linked_at: '2026-11-30T10:00:00Z', facts: null } });
const inCloud = sampleCode({ name: 'Guest', cloud: { access_code_id: 'c-1', device_id: 'dev-1', base: null, status: 'set', errors: [], warnings: [], synced_at: null, removed_in_cloud: false, conflict: null } });

async function setup(kind: 'demo' | 'api_key' | null, door: DoorView = linked) {
  const account = kind && { kind, workspaceId: 'w', workspaceName: 'Demo property', endpoint: 'http://127.0.0.1:1', checkedAt: null };
  const bridge = new FakeBridge().answer('cloud.account', account);
  const controls = new DemoCloudControls(bridge, () => door);
  await controls.start();
  return { bridge, controls };
}

describe('DemoCloudControls', () => {
  it('shows only with the demo cloud, on a linked door', async () => {
    expect((await setup('demo')).controls.isShown).toBe(true);
    expect((await setup('api_key')).controls.isShown).toBe(false);
    expect((await setup(null)).controls.isShown).toBe(false);
    expect((await setup('demo', sampleDoor())).controls.isShown).toBe(false);
  });

  it('offers only codes the cloud has, and sends a rename, a deletion and a new code for the door', async () => {
    const { bridge, controls } = await setup('demo');
    expect(controls.inCloud([inCloud, sampleCode({ access_code_id: 'local-only' })]).map((c) => c.access_code_id)).toEqual([inCloud.access_code_id]);
    await controls.rename(inCloud);
    await controls.remove(inCloud);
    await controls.add(() => 0.5);
    expect(bridge.sent('demo.cloudChange')).toEqual([
      { action: 'rename', doorId: linked.id, accessCodeId: inCloud.access_code_id, name: 'Guest (renamed in the cloud)' },
      { action: 'delete', doorId: linked.id, accessCodeId: inCloud.access_code_id },
      { action: 'add', doorId: linked.id, name: 'Made in the cloud 1', code: '550000' },
    ]);
  });

  it('says what went wrong and keeps the panel usable', async () => {
    const { bridge, controls } = await setup('demo');
    bridge.refuse('demo.cloudChange', 'sync.not_found');
    await controls.rename(inCloud);
    expect(controls.error).toMatchObject({ code: 'sync.not_found' });
    expect(controls.isSending).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { CloudAccountSettings } from './cloud-account.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleAccount } from '../testing/cloud-samples';
import type { CloudAccount } from '../../../../shared/domain/cloud';

function setup(account: CloudAccount | null = null) {
  const bridge = new FakeBridge().answer('cloud.account', account);
  const changed: Array<CloudAccount | null> = [];
  return { bridge, changed, settings: new CloudAccountSettings(bridge, { onChanged: (a) => changed.push(a) }) };
}

describe('CloudAccountSettings', () => {
  it('opens the form when no account is saved, the summary when one is', async () => {
    const none = setup();
    await none.settings.load();
    expect([none.settings.account, none.settings.isEditing]).toEqual([null, true]);
    const some = setup(sampleAccount());
    await some.settings.load();
    expect(some.settings.isEditing).toBe(false);
    expect(some.settings.account?.workspaceName).toBe('Harbour Street');
  });

  it('saves the demo cloud with nothing typed', async () => {
    const { bridge, settings, changed } = setup();
    bridge.answer('cloud.setAccount', sampleAccount({ kind: 'demo', endpoint: 'http://127.0.0.1:4100' }));
    await settings.load();
    expect(await settings.save()).toBe(true);
    expect(bridge.sent('cloud.setAccount')).toEqual([{ account: { kind: 'demo' } }]);
    expect(settings.isEditing).toBe(false);
    expect(changed).toHaveLength(1);
  });

  it('names the field with the same schema as main, shown once the field is typed in or Save pressed', async () => {
    const { bridge, settings } = setup();
    await settings.load();
    settings.chooseKind('personal_access_token');
    settings.secret = 'short';
    expect(settings.problems).toEqual({
      secret: 'A personal access token is at least 8 characters',
      workspaceId: 'A personal access token needs the workspace id',
    });
    expect(settings.shownProblems).toEqual({});
    settings.touch('secret');
    expect(Object.keys(settings.shownProblems)).toEqual(['secret']);
    settings.endpoint = 'not a url';
    expect(await settings.save()).toBe(false);
    expect(bridge.sent('cloud.setAccount')).toEqual([]);
    expect(settings.shownProblems.endpoint).toMatch(/^Endpoint: .*https:\/\//);
    expect(settings.shownProblems.workspaceId).toBeDefined();
  });

  it('sends the typed key (trimmed) and endpoint, clears the secret after the cloud accepts it', async () => {
    const { bridge, settings } = setup();
    bridge.answer('cloud.setAccount', sampleAccount());
    await settings.load();
    settings.chooseKind('api_key');
    settings.secret = '  seam_test_key_123 ';
    settings.endpoint = 'https://eu.getseam.com';
    expect(await settings.save()).toBe(true);
    expect(bridge.sent('cloud.setAccount')).toEqual([{ account: { kind: 'api_key', apiKey: 'seam_test_key_123', endpoint: 'https://eu.getseam.com' } }]);
    expect(settings.secret).toBe('');
    expect(settings.account?.kind).toBe('api_key');
  });

  it('a refused key keeps everything typed and shows why', async () => {
    const { bridge, settings, changed } = setup();
    bridge.refuse('cloud.setAccount', 'sync.unauthorized');
    await settings.load();
    settings.chooseKind('personal_access_token');
    settings.secret = 'seam_at_token_123';
    settings.workspaceId = 'ws-9';
    expect(await settings.save()).toBe(false);
    expect(settings.saveError?.code).toBe('sync.unauthorized');
    expect([settings.kind, settings.secret, settings.workspaceId, settings.isEditing]).toEqual(['personal_access_token', 'seam_at_token_123', 'ws-9', true]);
    expect(changed).toEqual([]);
  });

  it('changing the account asks for the secret again and keeps a non-default endpoint', async () => {
    const { settings } = setup(sampleAccount({ kind: 'personal_access_token', endpoint: 'https://eu.getseam.com' }));
    await settings.load();
    settings.startEditing();
    expect([settings.kind, settings.secret, settings.workspaceId, settings.endpoint]).toEqual(['personal_access_token', '', 'ws-1', 'https://eu.getseam.com']);
    settings.secret = 'typed';
    settings.cancelEditing();
    expect([settings.isEditing, settings.secret]).toEqual([false, '']);
  });

  it('forgets the account only after the second tap', async () => {
    const { bridge, settings, changed } = setup(sampleAccount());
    bridge.answer('cloud.clearAccount', { cleared: true });
    await settings.load();
    expect(await settings.confirmForget()).toBe(false);
    settings.askForget();
    settings.keep();
    expect(await settings.confirmForget()).toBe(false);
    settings.askForget();
    expect(await settings.confirmForget()).toBe(true);
    expect(bridge.sent('cloud.clearAccount')).toHaveLength(1);
    expect([settings.account, settings.isEditing]).toEqual([null, true]);
    expect(changed).toEqual([null]);
  });

  it('keeps a refused forget', async () => {
    const { bridge, settings } = setup(sampleAccount());
    bridge.refuse('cloud.clearAccount', 'sync.secret_unavailable');
    await settings.load();
    settings.askForget();
    expect(await settings.confirmForget()).toBe(false);
    expect(settings.forgetError?.code).toBe('sync.secret_unavailable');
    expect(settings.account).not.toBeNull();
  });
});

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodedError } from '../../../shared/result';
import { startFakeCloud, type FakeCloud } from './fake-cloud.fixture';
import { createSeamGateway } from './seam-gateway';

let clock = new Date('2026-03-02T09:00:00.000Z');
const now = () => clock;
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

let fc: FakeCloud;
let front: string;
let back: string;
beforeAll(async () => {
  fc = await startFakeCloud({ now });
  [front, back] = fc.deviceIds as [string, string];
});
afterAll(async () => {
  await fc.close();
});

/** The rejection of `promise`, which must reject. */
async function failure(promise: Promise<unknown>): Promise<CodedError> {
  try {
    await promise;
  } catch (error) {
    return error as CodedError;
  }
  throw new Error('expected a rejection');
}

/** Everything an error shows: message, details, String(), its IPC form. */
const shown = (e: CodedError) => [e.message, JSON.stringify(e.details ?? {}), String(e), JSON.stringify(e.toAppError())].join('\n');

describe('the Seam gateway against Seam\'s fake', () => {
  it('opens the workspace the key belongs to', async () => {
    expect(await fc.gateway.workspace()).toEqual({ workspace_id: fc.cloud.workspaceId, name: 'Demo property' });
  });

  it('says sync.unauthorized for a wrong key, and the key is nowhere in the error', async () => {
    // The token is tried on access_codes/list: for a wrong token on workspaces/get the fake reports the last auth
    // method it tried (console session), a 500; Seam itself answers 401.
    for (const [kind, secret, call] of [
      ['api_key', 'seam_wrong_5f2c9a7e1b3d4c6a8e0f', 'workspace'],
      ['api_key', 'not-a-seam-key-5f2c9a7e', 'workspace'],
      ['personal_access_token', 'seam_at1_5f2c9a7e1b3d4c6a', 'listCodes'],
    ] as const) {
      const gateway = createSeamGateway({ account: { ...fc.account, kind }, secret });
      const error = await failure(call === 'workspace' ? gateway.workspace() : gateway.listCodes(front));
      expect(error.code).toBe('sync.unauthorized');
      expect(shown(error)).not.toContain(secret);
      expect(shown(error)).not.toContain(secret.slice(-12));
      expect(shown(error)).not.toContain(fc.cloud.apiKey);
    }
    const noWorkspace = createSeamGateway({ account: { ...fc.account, kind: 'personal_access_token', workspaceId: null }, secret: 'seam_at1_5f2c9a7e1b3d4c6a' });
    expect(await failure(noWorkspace.workspace())).toMatchObject({ code: 'sync.unauthorized', message: expect.stringContaining('workspace id') });
  });

  it('lists the locks that take access codes, with their facts (unknown constraint types dropped)', async () => {
    const extra = fc.cloud.database.addDevice({ workspace_id: fc.cloud.workspaceId, device_type: 'ecobee_thermostat', name: 'Hall thermostat' });
    fc.cloud.database.updateDevice({ device_id: extra.device_id, capabilities_supported: ['thermostat'] });
    fc.cloud.database.updateDevice({
      device_id: back,
      properties: { code_constraints: [{ constraint_type: 'no_all_same_digits' }, { constraint_type: 'rule_from_the_future' }] },
      warnings: [{ warning_code: 'device_battery_low', message: 'Battery low' }],
    });
    const locks = await fc.gateway.listLocks();
    expect(locks.map((l) => l.device_id)).toEqual([front, back]);
    expect(locks[0]).toEqual({
      device_id: front,
      name: 'Front door',
      manufacturer: 'Schlage',
      model: 'BE469ZP',
      serial_number: 'SCH-469-0001',
      online: true,
      can_program_online_access_codes: true,
      supported_code_lengths: [4, 5, 6, 7, 8],
      max_active_codes_supported: 30,
      code_constraints: [{ constraint_type: 'no_zeros' }, { constraint_type: 'name_length', max_length: 20 }],
      battery_level: 0.9,
      warnings: [],
      errors: [],
      read_at: clock.toISOString(),
    });
    expect(locks[1]).toMatchObject({
      manufacturer: 'Yale',
      can_program_online_access_codes: false,
      code_constraints: [{ constraint_type: 'no_all_same_digits' }],
      battery_level: 0.4,
      warnings: [{ warning_code: 'device_battery_low', message: 'Battery low' }],
    });
    expect(await fc.gateway.getDevice(front)).toEqual(locks[0]);
    expect((await failure(fc.gateway.getDevice('device_gone'))).code).toBe('sync.not_found');
  });

  it('creates, reads, renames and deletes a code; deleting it again is fine', async () => {
    const created = await fc.gateway.createCode({ device_id: front, name: 'Cleaner', code: '4711', starts_at: null, ends_at: null });
    expect(created).toMatchObject({ device_id: front, name: 'Cleaner', code: '4711', type: 'ongoing', status: 'setting', is_managed: true });
    expect(await fc.gateway.getCode(created.access_code_id)).toEqual(created);
    expect((await fc.gateway.listCodes(front)).map((c) => c.access_code_id)).toContain(created.access_code_id);
    expect(await fc.gateway.listCodes(back)).toEqual([]);

    await fc.gateway.updateCode(created.access_code_id, { name: 'Cleaner (Tue)' });
    expect(await fc.gateway.getCode(created.access_code_id)).toMatchObject({ name: 'Cleaner (Tue)', code: '4711' });

    await fc.gateway.deleteCode(created.access_code_id);
    expect(await fc.gateway.getCode(created.access_code_id)).toBeNull();
    await expect(fc.gateway.deleteCode(created.access_code_id)).resolves.toBeUndefined();
  });

  it('keeps a time-bound code\'s window when only its name changes, and moves it when asked', async () => {
    const window = { starts_at: '2026-03-05T14:00:00.000Z', ends_at: '2026-03-08T10:00:00.000Z' };
    const created = await fc.gateway.createCode({ device_id: back, name: 'Guest', code: '8642', ...window });
    expect(created).toMatchObject({ type: 'time_bound', status: 'unset', ...window });
    await fc.gateway.updateCode(created.access_code_id, { name: 'Guest Smith' });
    expect(await fc.gateway.getCode(created.access_code_id)).toMatchObject({ name: 'Guest Smith', type: 'time_bound', ...window });
    await fc.gateway.updateCode(created.access_code_id, { starts_at: '2026-03-06T14:00:00.000Z', ends_at: '2026-03-09T10:00:00.000Z' });
    expect(await fc.gateway.getCode(created.access_code_id)).toMatchObject({ starts_at: '2026-03-06T14:00:00.000Z', ends_at: '2026-03-09T10:00:00.000Z' });
  });

  it('says sync.duplicate for a PIN the device already has (the fake answers 409 duplicate_access_code), without the PIN', async () => {
    await fc.gateway.createCode({ device_id: front, name: 'First', code: '97531', starts_at: null, ends_at: null });
    const error = await failure(fc.gateway.createCode({ device_id: front, name: 'Second', code: '97531', starts_at: null, ends_at: null }));
    expect(error.code).toBe('sync.duplicate');
    expect(error.details).toMatchObject({ status: 409, cloudType: 'duplicate_access_code' });
    expect(shown(error)).not.toContain('97531');
    expect(fc.listAllCodes(front).filter((c) => c.code === '97531')).toHaveLength(1);
  });

  it('says sync.rejected with the cloud\'s own message for a request it refuses', async () => {
    const created = await fc.gateway.createCode({ device_id: front, name: 'Window', code: '1357', starts_at: null, ends_at: null });
    const error = await failure(fc.gateway.updateCode(created.access_code_id, { starts_at: '2026-03-06T14:00:00.000Z' }));
    expect(error.code).toBe('sync.rejected');
    expect(error.message).toContain('starts_at and ends_at');
    expect(error.details).toMatchObject({ status: 400, cloudType: 'invalid_input', retryable: false });
  });

  it('says sync.server_error during an outage, and works again after it', async () => {
    fc.outage(true);
    try {
      const error = await failure(fc.gateway.listCodes(front));
      expect(error.code).toBe('sync.server_error');
      expect(error.details).toMatchObject({ status: 503, retryable: true });
    } finally {
      fc.outage(false);
    }
    await expect(fc.gateway.listCodes(front)).resolves.toBeInstanceOf(Array);
  });

  it('says sync.offline at once when nothing listens on the port', async () => {
    const port = await closedPort();
    const gateway = createSeamGateway({ account: { ...fc.account, endpoint: `http://127.0.0.1:${port}` }, secret: fc.cloud.apiKey, timeoutMs: 5_000 });
    const started = Date.now();
    const error = await failure(gateway.listLocks());
    expect(error.code).toBe('sync.offline');
    expect(error.details).toMatchObject({ cause: 'ECONNREFUSED', retryable: true });
    expect(error.details?.['timedOut']).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(shown(error)).not.toContain(fc.cloud.apiKey);
  });

  it('says sync.offline with timedOut when the server takes the connection and never answers (one attempt, no retries)', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const gateway = createSeamGateway({ account: { ...fc.account, endpoint: `http://127.0.0.1:${port}` }, secret: fc.cloud.apiKey, timeoutMs: 300 });
      const started = Date.now();
      const error = await failure(gateway.listCodes(front));
      expect(error.code).toBe('sync.offline');
      expect(error.details).toMatchObject({ timedOut: true });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(sockets.size).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('lists unmanaged codes, and converting one makes it managed with the same id', async () => {
    const seen = fc.cloud.seeLockCode(back, { code: '2580', name: 'Old family code' });
    const unmanaged = await fc.gateway.listUnmanaged(back);
    expect(unmanaged).toEqual([expect.objectContaining({ access_code_id: seen.accessCodeId, is_managed: false, status: 'set' })]);
    expect((await fc.gateway.listCodes(back)).map((c) => c.access_code_id)).not.toContain(seen.accessCodeId);
    expect(await fc.gateway.getCode(seen.accessCodeId)).toBeNull();

    await fc.gateway.convertToManaged(seen.accessCodeId);
    expect(await fc.gateway.listUnmanaged(back)).toEqual([]);
    expect(await fc.gateway.getCode(seen.accessCodeId)).toMatchObject({ access_code_id: seen.accessCodeId, is_managed: true, name: 'Old family code' });
  });

  it('lists access-code events after an instant, on the given devices only, oldest first', async () => {
    const since = later(60_000).toISOString();
    later(1_000);
    const onFront = await fc.gateway.createCode({ device_id: front, name: 'Events', code: '3141', starts_at: null, ends_at: null });
    later(1_000);
    await fc.gateway.createCode({ device_id: back, name: 'Elsewhere', code: '2718', starts_at: null, ends_at: null });
    later(1_000);
    await fc.gateway.deleteCode(onFront.access_code_id);

    const events = await fc.gateway.listEvents(since, [front]);
    expect(events.map((e) => [e.event_type, e.device_id, e.access_code_id])).toEqual([
      ['access_code.created', front, onFront.access_code_id],
      ['access_code.deleted', front, onFront.access_code_id],
    ]);
    expect(Date.parse(events[0]!.occurred_at)).toBeLessThan(Date.parse(events[1]!.occurred_at));
    expect(await fc.gateway.listEvents(later(1_000).toISOString(), [front, back])).toEqual([]);
    expect(await fc.gateway.listEvents(since, [])).toEqual([]);
  });
});

/** A loopback port nothing listens on (taken, then released). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

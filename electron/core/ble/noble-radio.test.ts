import { EventEmitter } from 'node:events';
import { readdirSync } from 'node:fs';
import NobleClass from '@stoprocent/noble/lib/noble';
import { describe, expect, it } from 'vitest';
import type { BleAdvertisement, BleRadio } from './ble-radio';
import { createNobleRadio, fromNobleUuid, toNobleUuid, type NobleRadioOptions } from './noble-radio';

// Our UUIDs (dashes) and, written out by hand, the same in noble's form: the fake must not convert with our code.
const PAIRING = 'a92ee100-5501-11e4-916c-0800200c9a66';
const PAIRING_GDIO = 'a92ee101-5501-11e4-916c-0800200c9a66';
const KEYTURNER = 'a92ee200-5501-11e4-916c-0800200c9a66';
const USDIO = 'a92ee202-5501-11e4-916c-0800200c9a66';
const NOBLE = {
  pairing: 'a92ee100550111e4916c0800200c9a66',
  pairingGdio: 'a92ee101550111e4916c0800200c9a66',
  keyturner: 'a92ee200550111e4916c0800200c9a66',
  usdio: 'a92ee202550111e4916c0800200c9a66',
};
const GATT: Record<string, string[]> = { [NOBLE.pairing]: [NOBLE.pairingGdio], [NOBLE.keyturner]: [NOBLE.usdio] };
const LOCK_ID = 'aabbccddeeff';
const LOCK_ADDRESS = 'aa:bb:cc:dd:ee:ff';

/** Stands in for a noble binding (lib/hci-socket/bindings.js): takes noble's calls, answers with its events. */
class FakeBindings extends EventEmitter {
  readonly calls: Array<[string, ...unknown[]]> = [];
  readonly writes: Array<{ characteristic: string; data: Buffer; withoutResponse: boolean }> = [];
  answersConnect = true;
  answersWrites = true;

  constructor(private readonly states: Array<[state: string, afterMs: number]>) {
    super();
  }

  start(): void {
    this.calls.push(['start']);
    for (const [state, afterMs] of this.states) setTimeout(() => this.emit('stateChange', state), afterMs);
  }
  startScanning(serviceUuids: string[], allowDuplicates: boolean): void {
    this.calls.push(['startScanning', serviceUuids, allowDuplicates]);
    process.nextTick(() => this.emit('scanStart', !allowDuplicates));
  }
  stopScanning(): void {
    this.calls.push(['stopScanning']);
    process.nextTick(() => this.emit('scanStop'));
  }
  connect(id: string): void {
    this.calls.push(['connect', id]);
    if (this.answersConnect) process.nextTick(() => this.emit('connect', id, null));
  }
  cancelConnect(id: string): void {
    this.calls.push(['cancelConnect', id]);
  }
  disconnect(id: string): void {
    this.calls.push(['disconnect', id]);
    process.nextTick(() => this.emit('disconnect', id, 0x16));
  }
  discoverServices(id: string, uuids: string[]): void {
    this.calls.push(['discoverServices', uuids]);
    process.nextTick(() => this.emit('servicesDiscover', id, uuids.filter((uuid) => GATT[uuid])));
  }
  discoverCharacteristics(id: string, service: string, uuids: string[]): void {
    this.calls.push(['discoverCharacteristics', service, uuids]);
    const found = (GATT[service] ?? []).filter((uuid) => uuids.includes(uuid)).map((uuid) => ({ uuid, properties: ['write', 'indicate'] }));
    process.nextTick(() => this.emit('characteristicsDiscover', id, service, found));
  }
  notify(id: string, service: string, characteristic: string, on: boolean): void {
    this.calls.push(['notify', service, characteristic, on]);
    process.nextTick(() => this.emit('notify', id, service, characteristic, on));
  }
  write(id: string, service: string, characteristic: string, data: Buffer, withoutResponse: boolean): void {
    this.writes.push({ characteristic, data, withoutResponse });
    if (this.answersWrites) process.nextTick(() => this.emit('write', id, service, characteristic));
  }
  stop(): void {
    this.calls.push(['stop']);
  }
  addressToId(address: string): string {
    return address.replace(/:/g, '').toLowerCase();
  }

  /** The radio hears an advertisement. */
  hear(id: string, address: string, advertisement: Record<string, unknown>, rssi: number): void {
    this.emit('discover', id, address, 'random', true, { serviceUuids: [], serviceData: [], ...advertisement }, rssi, true);
  }
  /** The lock sends one indication. */
  indicate(service: string, characteristic: string, value: number[]): void {
    this.emit('read', LOCK_ID, service, characteristic, Buffer.from(value), true);
  }
  called(name: string): unknown[][] {
    return this.calls.filter((call) => call[0] === name).map((call) => call.slice(1));
  }
}

function setup(states: Array<[string, number]> = [['poweredOn', 0]], options: NobleRadioOptions = {}) {
  const bindings = new FakeBindings(states);
  const noble = new NobleClass(bindings);
  const radio = createNobleRadio({ loadNoble: async () => noble, platform: 'linux', settleMs: 100, gattTimeoutMs: 300, ...options });
  return { bindings, radio };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
}

/** Scans until the fake has heard the lock once, so noble knows it (noble connects only to devices it has seen). */
async function hearLock(bindings: FakeBindings, radio: BleRadio): Promise<void> {
  const controller = new AbortController();
  const scanning = radio.scan({ durationMs: 5_000, signal: controller.signal }, () => controller.abort());
  await until(() => bindings.called('startScanning').length > 0);
  bindings.hear(LOCK_ID, LOCK_ADDRESS, { localName: 'Nuki_3C8862ED' }, -60);
  await scanning;
}

describe('UUID forms', () => {
  it('converts between ours (dashes) and noble’s (none), 16-bit ones short', () => {
    expect(toNobleUuid('A92EE200-5501-11E4-916C-0800200C9A66')).toBe(NOBLE.keyturner);
    expect(fromNobleUuid(NOBLE.keyturner)).toBe(KEYTURNER);
    expect(toNobleUuid('0000180f-0000-1000-8000-00805f9b34fb')).toBe('180f');
    expect(fromNobleUuid('180f')).toBe('0000180f-0000-1000-8000-00805f9b34fb');
    expect(fromNobleUuid('a01')).toBe('00000a01-0000-1000-8000-00805f9b34fb');
  });
});

describe('availability', () => {
  it.each([
    ['poweredOn', 'ready', undefined],
    ['poweredOff', 'unavailable', 'powered_off'],
    ['unauthorized', 'unavailable', 'unauthorized'],
    ['unsupported', 'unavailable', 'no_adapter'],
  ])('maps noble state %s to %s %s', async (state, expected, reason) => {
    const { radio } = setup([[state, 0]]);
    const availability = await radio.availability();
    expect(availability.state).toBe(expected);
    if (reason) expect(availability).toMatchObject({ reason, message: expect.stringMatching(/\S/) });
  });

  it('says no_adapter when the state stays unknown past the wait', async () => {
    const { radio } = setup([]);
    expect(await radio.availability()).toMatchObject({ state: 'unavailable', reason: 'no_adapter' });
  });

  it('waits past the brief poweredOff that Linux HCI shows at start-up', async () => {
    expect(await setup([['poweredOff', 0], ['unsupported', 40]]).radio.availability()).toMatchObject({ reason: 'no_adapter' });
    expect(await setup([['poweredOff', 0], ['poweredOn', 40]]).radio.availability()).toEqual({ state: 'ready' });
  });

  it('says no_binary when noble cannot be loaded, and refuses to scan or connect', async () => {
    const radio = createNobleRadio({ loadNoble: () => Promise.reject(new Error('Module did not self-register')), platform: 'darwin' });
    expect(await radio.availability()).toMatchObject({ state: 'unavailable', reason: 'no_binary' });
    await expect(radio.scan({ durationMs: 10 }, () => {})).rejects.toMatchObject({ code: 'ble.unavailable' });
    await expect(radio.connect(LOCK_ADDRESS)).rejects.toMatchObject({ code: 'ble.unavailable', details: { reason: 'no_binary' } });
    await radio.close();
  });

  it('refuses to scan when the adapter is off', async () => {
    const { radio } = setup([['poweredOff', 0]]);
    await expect(radio.scan({ durationMs: 10 }, () => {})).rejects.toMatchObject({ code: 'ble.unavailable', details: { reason: 'powered_off' } });
  });
});

describe('scan', () => {
  it('filters by service in noble’s form, allows duplicates, converts UUIDs back and stops at the duration', async () => {
    const { bindings, radio } = setup();
    const heard: BleAdvertisement[] = [];
    const scanning = radio.scan({ durationMs: 60, serviceUuids: [KEYTURNER.toUpperCase()] }, (ad) => heard.push(ad));
    await until(() => bindings.called('startScanning').length > 0);
    expect(bindings.called('startScanning')).toEqual([[[NOBLE.keyturner], true]]);
    const lock = { localName: 'Nuki_3C8862ED', serviceUuids: [NOBLE.keyturner], manufacturerData: Buffer.from([0x4c, 0x00, 0x02, 0x15]) };
    bindings.hear(LOCK_ID, LOCK_ADDRESS, { ...lock, serviceData: [{ uuid: NOBLE.pairing, data: Buffer.from([0x01]) }] }, -70);
    bindings.hear(LOCK_ID, LOCK_ADDRESS, lock, -55);
    bindings.hear('112233445566', '11:22:33:44:55:66', { localName: 'Thermometer', serviceUuids: ['181a'] }, -40);
    await scanning;
    expect(bindings.called('stopScanning')).toHaveLength(1);
    expect(heard.map((ad) => ad.rssi)).toEqual([-70, -55]);
    expect(heard[0]).toEqual({
      address: LOCK_ADDRESS,
      localName: 'Nuki_3C8862ED',
      rssi: -70,
      serviceUuids: [KEYTURNER],
      serviceData: [{ uuid: PAIRING, data: Uint8Array.of(0x01) }],
      manufacturerData: Uint8Array.of(0x4c, 0x00, 0x02, 0x15),
    });
    bindings.hear(LOCK_ID, LOCK_ADDRESS, lock, -50);
    expect(heard).toHaveLength(2);
  });

  it('stops when the signal aborts', async () => {
    const { bindings, radio } = setup();
    const controller = new AbortController();
    const scanning = radio.scan({ durationMs: 60_000, signal: controller.signal }, () => {});
    await until(() => bindings.called('startScanning').length > 0);
    controller.abort();
    await scanning;
    expect(bindings.called('stopScanning')).toHaveLength(1);
  });

  it('ends at the duration even when the radio never confirms the start, and passes on what onFound throws', async () => {
    const { bindings, radio } = setup();
    bindings.startScanning = () => {};
    await radio.scan({ durationMs: 30 }, () => {});
    const { bindings: other, radio: failing } = setup();
    const scanning = failing.scan({ durationMs: 60_000 }, () => {
      throw new Error('listener broke');
    });
    await until(() => other.called('startScanning').length > 0);
    other.hear(LOCK_ID, LOCK_ADDRESS, { localName: 'Nuki_3C8862ED' }, -60);
    await expect(scanning).rejects.toThrow('listener broke');
    expect(bindings.called('stopScanning')).toHaveLength(1);
  });

  it('ends on close', async () => {
    const { bindings, radio } = setup();
    const scanning = radio.scan({ durationMs: 60_000 }, () => {});
    await until(() => bindings.called('startScanning').length > 0);
    await radio.close();
    await scanning;
    expect(bindings.called('stop')).toHaveLength(1);
  });
});

describe('a link', () => {
  it('subscribes, receives a reply split over 20-byte indications in order, and writes with response', async () => {
    const { bindings, radio } = setup();
    await hearLock(bindings, radio);
    const link = await radio.connect(LOCK_ADDRESS, { timeoutMs: 500 });
    expect(bindings.called('connect')).toEqual([[LOCK_ID]]);
    const values: number[][] = [];
    const stop = await link.subscribe(PAIRING, PAIRING_GDIO, (value) => values.push([...value]));
    expect(bindings.called('notify')).toEqual([[NOBLE.pairing, NOBLE.pairingGdio, true]]);
    const reply = Array.from({ length: 45 }, (_, i) => i);
    bindings.indicate(NOBLE.pairing, NOBLE.pairingGdio, reply.slice(0, 20));
    bindings.indicate(NOBLE.pairing, NOBLE.pairingGdio, reply.slice(20, 40));
    bindings.indicate(NOBLE.pairing, NOBLE.pairingGdio, reply.slice(40));
    expect(values).toEqual([reply.slice(0, 20), reply.slice(20, 40), reply.slice(40)]);

    const request = Uint8Array.from({ length: 45 }, (_, i) => 100 + i);
    await link.write(PAIRING, PAIRING_GDIO, request);
    expect(bindings.writes).toEqual([{ characteristic: NOBLE.pairingGdio, data: Buffer.from(request), withoutResponse: false }]);
    expect(bindings.called('discoverServices')).toEqual([[[NOBLE.pairing]]]);
    expect(bindings.called('discoverCharacteristics')).toEqual([[NOBLE.pairing, [NOBLE.pairingGdio]]]);

    stop();
    bindings.indicate(NOBLE.pairing, NOBLE.pairingGdio, [1, 2, 3]);
    expect(values).toHaveLength(3);
  });

  it('runs GATT steps one at a time, so concurrent calls do not lose noble’s answers', async () => {
    const { bindings, radio } = setup();
    await hearLock(bindings, radio);
    const link = await radio.connect(LOCK_ADDRESS);
    await Promise.all([
      link.subscribe(KEYTURNER, USDIO, () => {}),
      link.write(PAIRING, PAIRING_GDIO, Uint8Array.of(1)),
      link.write(PAIRING, PAIRING_GDIO, Uint8Array.of(2)),
    ]);
    expect(bindings.writes.map((w) => [...w.data])).toEqual([[1], [2]]);
  });

  it('rejects a write lock.connection_lost when the link drops mid-write, and reports the drop once', async () => {
    const { bindings, radio } = setup();
    await hearLock(bindings, radio);
    const link = await radio.connect(LOCK_ADDRESS);
    const reasons: string[] = [];
    link.onDisconnect((reason) => reasons.push(reason));
    bindings.answersWrites = false;
    const writing = link.write(KEYTURNER, USDIO, new Uint8Array(60));
    await until(() => bindings.writes.length === 1);
    bindings.emit('disconnect', LOCK_ID, 0x08);
    await expect(writing).rejects.toMatchObject({ code: 'lock.connection_lost' });
    bindings.emit('disconnect', LOCK_ID, 0x08);
    await expect(link.write(KEYTURNER, USDIO, Uint8Array.of(1))).rejects.toMatchObject({ code: 'lock.connection_lost' });
    expect(reasons).toEqual(['HCI status 0x08']);
  });

  it('rejects a write lock.no_answer when the lock never confirms it', async () => {
    const { bindings, radio } = setup();
    await hearLock(bindings, radio);
    const link = await radio.connect(LOCK_ADDRESS);
    bindings.answersWrites = false;
    await expect(link.write(KEYTURNER, USDIO, Uint8Array.of(1))).rejects.toMatchObject({ code: 'lock.no_answer' });
  });

  it('says lock.unsupported for a characteristic the lock does not have', async () => {
    const { bindings, radio } = setup();
    await hearLock(bindings, radio);
    const link = await radio.connect(LOCK_ADDRESS);
    await expect(link.write(KEYTURNER, PAIRING_GDIO, Uint8Array.of(1))).rejects.toMatchObject({ code: 'lock.unsupported' });
  });

  it('rejects lock.offline when the connection is not accepted in time, and cancels it', async () => {
    const { bindings, radio } = setup();
    await hearLock(bindings, radio);
    bindings.answersConnect = false;
    await expect(radio.connect(LOCK_ADDRESS, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'lock.offline' });
    expect(bindings.called('cancelConnect')).toEqual([[LOCK_ID]]);
  });

  it('rejects lock.offline for a lock not heard in time (noble never answers a connect to a device it has not seen)', async () => {
    const { bindings, radio } = setup();
    await expect(radio.connect('01:02:03:04:05:06', { timeoutMs: 50 })).rejects.toMatchObject({ code: 'lock.offline' });
    expect(bindings.called('connect')).toEqual([]);
  });

  it('listens for a paired lock not heard yet in this session (after a restart) and then connects to it', async () => {
    const { bindings, radio } = setup();
    const connecting = radio.connect(LOCK_ADDRESS, { timeoutMs: 2_000 });
    await until(() => bindings.called('startScanning').length > 0);
    expect(bindings.called('connect')).toEqual([]);
    bindings.hear(LOCK_ID, LOCK_ADDRESS, { localName: 'Nuki_3C8862ED' }, -60);
    await connecting;
    expect(bindings.called('connect')).toEqual([[LOCK_ID]]);
    expect(bindings.called('stopScanning').length).toBeGreaterThan(0);
  });

  it('disconnects every link on close', async () => {
    const { bindings, radio } = setup();
    await hearLock(bindings, radio);
    const link = await radio.connect(LOCK_ADDRESS);
    const reasons: string[] = [];
    link.onDisconnect((reason) => reasons.push(reason));
    await radio.close();
    expect(bindings.called('disconnect')).toEqual([[LOCK_ID]]);
    expect(reasons).toEqual(['HCI status 0x16']);
  });
});

describe('the real @stoprocent/noble on this machine', () => {
  it('loads and reports availability within a few seconds, without throwing', async (context) => {
    const importable = await import('@stoprocent/noble').then(
      () => true,
      () => false,
    );
    if (!importable) context.skip();
    const radio = createNobleRadio();
    const started = Date.now();
    const availability = await radio.availability();
    expect(Date.now() - started).toBeLessThan(5_000);
    await radio.close();
    if (process.platform === 'linux' && !hasLinuxAdapter()) {
      expect(availability).toMatchObject({ state: 'unavailable', reason: 'no_adapter' });
    } else {
      expect(['ready', 'unavailable']).toContain(availability.state);
    }
  });
});

function hasLinuxAdapter(): boolean {
  try {
    return readdirSync('/sys/class/bluetooth').some((name) => name.startsWith('hci'));
  } catch {
    return false;
  }
}

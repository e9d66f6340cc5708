/**
 * One connected peripheral over `@stoprocent/noble`, as a BleLink: its GATT discovery cache, one GATT step at a time,
 * subscribe/write/disconnect, and the timeouts of each step. noble-radio.ts finds and connects the peripheral.
 */
import type { Characteristic, Peripheral, Service } from '@stoprocent/noble';
import { CodedError } from '../../../shared/result';
import type { BleLink } from './ble-radio';

const BASE_UUID_TAIL = '00001000800000805f9b34fb';

/** A UUID in our form (lowercase, dashes) → noble's: no dashes, lowercase; 16-bit SIG UUIDs short ('180f'). */
export function toNobleUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '').toLowerCase();
  const short = new RegExp(`^0000([0-9a-f]{4})${BASE_UUID_TAIL}$`).exec(hex);
  return short?.[1] ?? hex;
}

/**
 * noble's UUID (or ours, in any case) → ours: lowercase with dashes; 16- and 32-bit ones (noble does not zero-pad
 * them: 0x0a01 is 'a01') on the Bluetooth base UUID.
 */
export function fromNobleUuid(uuid: string): string {
  const hex = uuid.replace(/-/g, '').toLowerCase();
  const full = hex.length <= 8 ? hex.padStart(8, '0') + BASE_UUID_TAIL : hex;
  if (full.length !== 32) return hex;
  return `${full.slice(0, 8)}-${full.slice(8, 12)}-${full.slice(12, 16)}-${full.slice(16, 20)}-${full.slice(20)}`;
}

/**
 * One GATT connection. Every GATT step runs one after another: noble keeps a single callback per event and object
 * (`onceExclusive`), so two discoveries or two writes in flight would silently drop the first one's answer.
 * `gattTimeoutMs` bounds each step and the wait for a disconnect to be confirmed; `onGone` is called once, when the
 * link drops (so the radio forgets it).
 */
export function createNobleLink(peripheral: Peripheral, address: string, gattTimeoutMs: number, onGone: () => void): BleLink {
  let alive = true;
  let tail: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(reason: string) => void>();
  const whenGone = new Set<() => void>();
  const services = new Map<string, Service>();
  const characteristics = new Map<string, Characteristic>();
  let goneReason = '';

  const lost = (what: string): CodedError =>
    new CodedError('lock.connection_lost', `The Bluetooth link to the lock ${address} dropped during ${what} (${goneReason}).`);

  const markGone = (reason: unknown): void => {
    if (!alive) return;
    alive = false;
    goneReason = typeof reason === 'number' ? `HCI status 0x${reason.toString(16).padStart(2, '0')}` : String(reason);
    peripheral.removeListener('disconnect', markGone);
    onGone();
    for (const stop of whenGone) stop();
    for (const listener of listeners) listener(goneReason);
    listeners.clear();
  };
  peripheral.on('disconnect', markGone);

  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  }

  /** One GATT step: rejects `lock.connection_lost` when the link drops, `lock.no_answer` when it takes too long. */
  function step<T>(what: string, operation: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!alive) return reject(lost(what));
      const finish = (): void => (clearTimeout(timer), void whenGone.delete(onDrop));
      const onDrop = (): void => (finish(), reject(lost(what)));
      const timer = setTimeout(() => {
        finish();
        reject(new CodedError('lock.no_answer', `The lock ${address} did not answer ${what} within ${gattTimeoutMs} ms.`));
      }, gattTimeoutMs);
      whenGone.add(onDrop);
      operation().then(
        (value) => (finish(), resolve(value)),
        (error: unknown) => (finish(), reject(alive ? new CodedError('lock.failed', `${what} failed: ${String(error)}`) : lost(what))),
      );
    });
  }

  async function characteristicOf(service: string, characteristic: string): Promise<Characteristic> {
    const key = `${fromNobleUuid(service)} ${fromNobleUuid(characteristic)}`;
    const cached = characteristics.get(key);
    if (cached) return cached;
    const same = (a: string, b: string): boolean => fromNobleUuid(a) === fromNobleUuid(b);
    let found = services.get(fromNobleUuid(service));
    if (!found) {
      const heard = await step('service discovery', () => peripheral.discoverServicesAsync([toNobleUuid(service)]));
      found = heard.find((s) => same(s.uuid, service));
      if (!found) throw new CodedError('lock.unsupported', `The lock ${address} has no Bluetooth service ${service}.`);
      services.set(fromNobleUuid(service), found);
    }
    const inService = found;
    const heard = await step('characteristic discovery', () => inService.discoverCharacteristicsAsync([toNobleUuid(characteristic)]));
    const match = heard.find((c) => same(c.uuid, characteristic));
    if (!match) throw new CodedError('lock.unsupported', `The lock ${address} has no Bluetooth characteristic ${characteristic}.`);
    characteristics.set(key, match);
    return match;
  }

  return {
    address,
    subscribe: (service, characteristic, onValue) =>
      serially(async () => {
        const target = await characteristicOf(service, characteristic);
        const onData = (data: Buffer, isNotification: boolean): void => {
          if (isNotification) onValue(new Uint8Array(data));
        };
        target.on('data', onData);
        try {
          await step('turning on indications', () => target.subscribeAsync());
        } catch (error) {
          target.removeListener('data', onData);
          throw error;
        }
        return () => void target.removeListener('data', onData);
      }),
    write: (service, characteristic, value) =>
      serially(async () => {
        const target = await characteristicOf(service, characteristic);
        await step('a write', () => target.writeAsync(Buffer.from(value), false));
      }),
    onDisconnect(listener) {
      if (!alive) {
        queueMicrotask(() => listener(goneReason));
        return () => {};
      }
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async disconnect() {
      if (!alive) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => markGone('disconnected by Lockbench (the radio did not confirm)'), gattTimeoutMs);
        whenGone.add(() => (clearTimeout(timer), resolve()));
        peripheral.disconnect();
      });
    },
  };
}

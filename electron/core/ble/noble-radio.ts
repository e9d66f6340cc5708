import type { Noble, Peripheral } from '@stoprocent/noble';
import { CodedError } from '../../../shared/result';
import { bleUnavailable } from './ble-availability';
import type { BleAdvertisement, BleAvailability, BleLink, BleRadio, BleScanOptions } from './ble-radio';
import { createNobleLink, fromNobleUuid, toNobleUuid } from './noble-link';

/** The UUID forms (ours ↔ noble's); they live with the link, whose GATT discovery needs them too. */
export { fromNobleUuid, toNobleUuid };

/** How the noble radio is built; every field has a default for the app. */
export interface NobleRadioOptions {
  /**
   * Loads noble. Default: `import('@stoprocent/noble')` (its ready-made instance on the platform's bindings), done on
   * first use so this module loads where noble cannot; a failed load is availability `no_binary`. Tests pass a Noble
   * over fake bindings.
   */
  loadNoble?: () => Promise<Noble>;
  /** For the availability messages. Default process.platform. */
  platform?: NodeJS.Platform;
  /** Named in the Linux `setcap` advice. Default process.execPath (the Electron app, or node). */
  executablePath?: string;
  /** How long availability waits for the adapter to settle on a state (Linux HCI shows poweredOff briefly). Default 2500. */
  settleMs?: number;
  /** Default for connect's timeoutMs. Default 10 000. */
  connectTimeoutMs?: number;
  /** How long one GATT step (discovery, CCCD write, write) may take. Default 10 000. */
  gattTimeoutMs?: number;
}

type AdapterState = Noble['state'];
/** States that will not change on their own while we wait; poweredOff and unknown often do at start. */
const SETTLED: ReadonlySet<AdapterState> = new Set(['poweredOn', 'unauthorized', 'unsupported']);

/**
 * The BleRadio over `@stoprocent/noble` (CoreBluetooth on macOS, WinRT on Windows, raw HCI on Linux).
 *
 * noble reaches a device only after it has been heard in a scan (an address never discovered never answers its
 * connect): `connect` listens for a device not heard yet in this session before it connects.
 */
export function createNobleRadio(options: NobleRadioOptions = {}): BleRadio {
  const platform = options.platform ?? process.platform;
  const executablePath = options.executablePath ?? process.execPath;
  const settleMs = options.settleMs ?? 2500;
  const gattTimeoutMs = options.gattTimeoutMs ?? 10_000;
  const load = options.loadNoble ?? defaultLoadNoble;
  let loading: Promise<Noble | null> | undefined;
  let closed = false;
  const idByAddress = new Map<string, string>();
  const links = new Map<string, BleLink>();
  const connecting = new Map<string, Promise<BleLink>>();
  const endScans = new Set<() => void>();

  const loaded = (): Promise<Noble | null> => (loading ??= load().catch(() => null));

  async function availability(): Promise<BleAvailability> {
    const noble = await loaded();
    if (!noble) return bleUnavailable('no_binary', platform, executablePath);
    const state = await settledState(noble, settleMs);
    if (state === 'poweredOn') return { state: 'ready' };
    if (state === 'poweredOff') return bleUnavailable('powered_off', platform, executablePath);
    if (state === 'unauthorized') return bleUnavailable('unauthorized', platform, executablePath);
    return bleUnavailable('no_adapter', platform, executablePath);
  }

  async function readyNoble(): Promise<Noble> {
    if (closed) throw new CodedError('ble.unavailable', 'Bluetooth has been closed (Lockbench is quitting).');
    const found = await availability();
    const noble = await loaded();
    if (found.state !== 'ready' || !noble) {
      throw new CodedError('ble.unavailable', found.state === 'unavailable' ? found.message : 'Bluetooth is not ready.', {
        reason: found.state === 'unavailable' ? found.reason : null,
      });
    }
    return noble;
  }

  async function scan(scanOptions: BleScanOptions, onFound: (advertisement: BleAdvertisement) => void): Promise<void> {
    const noble = await readyNoble();
    const { signal } = scanOptions;
    if (signal?.aborted) return;
    const wanted = new Set((scanOptions.serviceUuids ?? []).map(fromNobleUuid));
    let failure: unknown = null;
    let end = (): void => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    const onDiscover = (peripheral: Peripheral): void => {
      const advertisement = toAdvertisement(peripheral);
      idByAddress.set(advertisement.address.toLowerCase(), peripheral.id);
      const heard = [...advertisement.serviceUuids, ...advertisement.serviceData.map((d) => d.uuid)];
      if (wanted.size > 0 && !heard.some((uuid) => wanted.has(uuid))) return;
      try {
        onFound(advertisement);
      } catch (error) {
        failure = error;
        end();
      }
    };
    const timer = setTimeout(end, scanOptions.durationMs);
    signal?.addEventListener('abort', end, { once: true });
    endScans.add(end);
    noble.on('discover', onDiscover);
    // Not awaited on its own: a radio that never confirms the start must not outlive the duration or the abort.
    noble.startScanningAsync([...wanted].map(toNobleUuid), true).catch((error: unknown) => {
      failure ??= new CodedError('ble.unavailable', `Bluetooth could not start scanning: ${String(error)}`);
      end();
    });
    await ended;
    clearTimeout(timer);
    signal?.removeEventListener('abort', end);
    endScans.delete(end);
    noble.removeListener('discover', onDiscover);
    if (endScans.size === 0) stopScanning(noble);
    if (failure) throw failure;
  }

  /**
   * The device's noble id once it has been heard in this session: a paired lock after a restart has not been, so it
   * is listened for first (up to `timeoutMs`). Null when it is not heard.
   */
  async function heardId(address: string, timeoutMs: number): Promise<string | null> {
    const key = address.toLowerCase();
    const known = idByAddress.get(key);
    if (known) return known;
    const heard = new AbortController();
    await scan({ durationMs: timeoutMs, signal: heard.signal }, (ad) => ad.address.toLowerCase() === key && heard.abort());
    return idByAddress.get(key) ?? null;
  }

  async function connect(address: string, connectOptions?: { timeoutMs?: number }): Promise<BleLink> {
    const noble = await readyNoble();
    const timeoutMs = connectOptions?.timeoutMs ?? options.connectTimeoutMs ?? 10_000;
    const id = await heardId(address, timeoutMs);
    if (id === null) {
      throw new CodedError('lock.offline', `The lock ${address} was not heard within ${timeoutMs} ms: bring the computer closer and try again.`);
    }
    const existing = links.get(id) ?? connecting.get(id);
    if (existing) return existing;
    const attempt = openLink(noble, id, address, timeoutMs).then((peripheral) => {
      const link = createNobleLink(peripheral, address, gattTimeoutMs, () => links.delete(id));
      links.set(id, link);
      return link;
    });
    // noble keeps one callback per device's connect: a second attempt in flight would silently replace the first.
    connecting.set(id, attempt);
    return attempt.finally(() => connecting.delete(id));
  }

  async function close(): Promise<void> {
    closed = true;
    for (const end of endScans) end();
    await Promise.allSettled([...links.values()].map((link) => link.disconnect()));
    const noble = loading ? await loading : null;
    try {
      noble?.stop();
    } catch {
      // The bindings never started (the adapter was never asked for): nothing to release.
    }
  }

  return { availability, scan, connect, close };
}

async function defaultLoadNoble(): Promise<Noble> {
  const module = (await import('@stoprocent/noble')) as unknown as { default?: Noble };
  if (!module.default) throw new Error('@stoprocent/noble has no default instance');
  return module.default;
}

/** Connects within `timeoutMs` or rejects `lock.offline` (and cancels the attempt, dropping a late success). */
function openLink(noble: Noble, id: string, address: string, timeoutMs: number): Promise<Peripheral> {
  const offline = (why: string): CodedError =>
    new CodedError('lock.offline', `The lock ${address} did not accept a Bluetooth connection (${why}): bring the computer closer and try again.`);
  return new Promise<Peripheral>((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      reject(offline(`no answer within ${timeoutMs} ms`));
      try {
        noble.cancelConnect(id);
      } catch {
        // Nothing to cancel: the attempt never started.
      }
    }, timeoutMs);
    noble.connectAsync(id).then(
      (peripheral) => {
        clearTimeout(timer);
        if (timedOut) peripheral.disconnect();
        else resolve(peripheral);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(offline(error instanceof Error ? error.message : String(error)));
      },
    );
  });
}

/** Waits (at most `ms`) for a state that will not change on its own, then answers the state as it is. */
function settledState(noble: Noble, ms: number): Promise<AdapterState> {
  return new Promise((resolve) => {
    // Listening first makes noble start its bindings (on the next tick) without emitting the start-up states early.
    const onChange = (state: AdapterState): void => {
      if (SETTLED.has(state)) done();
    };
    const done = (): void => {
      clearTimeout(timer);
      noble.removeListener('stateChange', onChange);
      resolve(noble.state);
    };
    const timer = setTimeout(done, ms);
    noble.on('stateChange', onChange);
    if (SETTLED.has(noble.state)) done();
  });
}

function stopScanning(noble: Noble): void {
  try {
    noble.stopScanning();
  } catch {
    // The adapter went away while scanning: there is nothing left to stop.
  }
}

function toAdvertisement(peripheral: Peripheral): BleAdvertisement {
  const ad: Partial<Peripheral['advertisement']> = peripheral.advertisement ?? {};
  const hasAddress = Boolean(peripheral.address) && peripheral.address !== 'unknown';
  return {
    address: hasAddress ? peripheral.address : peripheral.id,
    localName: ad.localName || null,
    rssi: peripheral.rssi,
    serviceUuids: (ad.serviceUuids ?? []).map(fromNobleUuid),
    serviceData: (ad.serviceData ?? []).map(({ uuid, data }) => ({ uuid: fromNobleUuid(uuid), data: new Uint8Array(data) })),
    manufacturerData: ad.manufacturerData ? new Uint8Array(ad.manufacturerData) : null,
  };
}

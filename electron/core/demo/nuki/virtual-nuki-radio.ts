import type { BleAdvertisement, BleLink, BleRadio, BleScanOptions } from '../../ble/ble-radio';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { CodedError } from '../../../../shared/result';
import type { KeypadEntryResult } from './keypad-code-rules';
import { nukiAdvertisement } from './virtual-nuki-advertisement';
import { createVirtualNukiLink, type VirtualNukiLink } from './virtual-nuki-link';
import type { VirtualNukiLock } from './virtual-nuki-lock';

/**
 * A BleRadio that holds virtual Nuki locks instead of an adapter, so the whole Nuki stack above the radio runs for
 * real: scans hear each lock's advertisement, `connect` opens a link that speaks the protocol (virtual-nuki-link.ts).
 * Per lock, a fault switch and test hooks:
 *   out_of_range        not heard in scans; connect rejects `lock.offline`; an open link drops
 *   wrong_security_pin  the lock's PIN is changed, so every PIN-checked command is refused (0x21, then 0x28)
 *   dropLinkAfterNextCommand   the lock executes the next command, then the link drops before any reply
 */

/** A lock's fault switch. */
export type NukiFault = 'none' | 'out_of_range' | 'wrong_security_pin';

/** One lock on the radio. */
export interface RadioLock {
  lock: VirtualNukiLock;
  /** BLE address, e.g. `54:D2:72:3C:88:62`. */
  address: string;
  /** Signal strength it is heard at (dBm, default -62); each advertisement jitters ±2 around it. */
  rssi?: number;
}

/** Timing and randomness of the radio. */
export interface VirtualNukiRadioTiming {
  /** Time between two 20-byte indications (one connection event); default 0. The demo uses ~15 ms. */
  indicationDelayMs?: number;
  /** Time a connection takes to open; default 0. */
  connectDelayMs?: number;
  /** Time between two advertisements of a lock during a scan; default 250 ms. */
  advertisingIntervalMs?: number;
  /** Random numbers in [0, 1) for the RSSI jitter. */
  random?: () => number;
}

/** Test and demo controls over one lock. */
export interface VirtualNukiLockHandle {
  readonly address: string;
  /** The lock itself: its codes, clock, battery, snapshot. */
  readonly lock: VirtualNukiLock;
  readonly fault: NukiFault;
  /** Whether a link is open to it now. */
  readonly isConnected: boolean;
  /** Holds the pairing button ~5 s: pairing mode. */
  pressButton(): void;
  setFault(fault: NukiFault): void;
  setRssi(dbm: number): void;
  /** Types a code on the keypad. */
  simulateKeypadEntry(code: string): KeypadEntryResult;
  /** The next command (by default any but Request Data: challenges and state reads) is executed, then the link drops. */
  dropLinkAfterNextCommand(commandId?: number): void;
  /** Commands the lock received, all or of one command id. */
  commandsReceived(commandId?: number): number;
  /** Every box nonce the lock saw under an authorization, hex, in order (a reused one appears twice). */
  boxNoncesSeen(authId: number): string[];
}

/** The radio plus its locks by address (as given, e.g. upper case). */
export interface VirtualNukiBleRadio extends BleRadio {
  readonly locks: ReadonlyMap<string, VirtualNukiLockHandle>;
}

/** The radio's own record of a lock: its handle, its open link, and the state behind the handle. */
interface Slot {
  readonly handle: VirtualNukiLockHandle;
  readonly lock: VirtualNukiLock;
  readonly address: string;
  link: VirtualNukiLink | null;
  fault: NukiFault;
  /** The RSSI of one advertisement. */
  heardAt(): number;
  /** Consumes the drop hook when it applies to `commandId`. */
  shouldDropAfter(commandId: number): boolean;
}

/** Builds the radio over `locks`. */
export function createVirtualNukiBleRadio(locks: readonly RadioLock[], timing: VirtualNukiRadioTiming = {}): VirtualNukiBleRadio {
  const random = timing.random ?? Math.random;
  let closed = false;
  const endScans = new Set<() => void>();
  const slots = new Map<string, Slot>(locks.map((entry) => [entry.address.toLowerCase(), createSlot(entry, random)]));

  async function scan(options: BleScanOptions, onFound: (advertisement: BleAdvertisement) => void): Promise<void> {
    if (closed) throw new CodedError('ble.unavailable', 'Bluetooth has been closed (Lockbench is quitting).');
    if (options.signal?.aborted) return;
    const wanted = new Set((options.serviceUuids ?? []).map((u) => u.toLowerCase()));
    let failure: unknown = null;
    let end = (): void => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    const advertise = (): void => {
      for (const slot of slots.values()) {
        if (slot.fault === 'out_of_range') continue;
        const { lock } = slot;
        const advertisement = nukiAdvertisement(
          { nukiId: lock.nukiId, isPaired: lock.isPaired, isPairingMode: lock.isPairingMode, hasNewState: lock.hasNewState },
          slot.address,
          slot.heardAt(),
        );
        const heard = [...advertisement.serviceUuids, ...advertisement.serviceData.map((d) => d.uuid)];
        if (wanted.size > 0 && !heard.some((uuid) => wanted.has(uuid))) continue;
        try {
          onFound(advertisement);
        } catch (error) {
          failure = error;
          return end();
        }
      }
    };
    const first = setImmediate(advertise);
    const repeat = setInterval(advertise, timing.advertisingIntervalMs ?? 250);
    const timer = setTimeout(end, options.durationMs);
    options.signal?.addEventListener('abort', end, { once: true });
    endScans.add(end);
    await ended;
    clearImmediate(first);
    clearInterval(repeat);
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', end);
    endScans.delete(end);
    if (failure) throw failure;
  }

  async function connect(address: string, options?: { timeoutMs?: number }): Promise<BleLink> {
    if (closed) throw new CodedError('ble.unavailable', 'Bluetooth has been closed (Lockbench is quitting).');
    const slot = slots.get(address.toLowerCase());
    const offline = (why: string): CodedError =>
      new CodedError('lock.offline', `The lock ${address} did not accept a Bluetooth connection (${why}): bring the computer closer and try again.`);
    if (!slot) throw offline('not heard');
    if (slot.link?.isOpen) return slot.link;
    const delay = timing.connectDelayMs ?? 0;
    const timeoutMs = options?.timeoutMs ?? 10_000;
    await new Promise((resolve) => setTimeout(resolve, Math.min(delay, timeoutMs)));
    if (slot.fault === 'out_of_range') throw offline('out of range');
    if (delay > timeoutMs) throw offline(`no answer within ${timeoutMs} ms`);
    if (slot.link?.isOpen) return slot.link;
    const link = createVirtualNukiLink({
      lock: slot.lock,
      address: slot.address,
      indicationDelayMs: timing.indicationDelayMs ?? 0,
      shouldDropAfter: (commandId) => slot.shouldDropAfter(commandId),
      onClosed: () => {
        if (slot.link === link) slot.link = null;
      },
    });
    slot.link = link;
    return link;
  }

  async function close(): Promise<void> {
    closed = true;
    for (const end of endScans) end();
    for (const slot of slots.values()) slot.link?.drop('Bluetooth was closed');
  }

  return {
    availability: async () => (closed ? { state: 'unavailable', reason: 'powered_off', message: 'Bluetooth has been closed.' } : { state: 'ready' }),
    scan,
    connect,
    close,
    locks: new Map([...slots.values()].map((slot) => [slot.address, slot.handle])),
  };
}

function createSlot(entry: RadioLock, random: () => number): Slot {
  const { lock } = entry;
  let rssi = entry.rssi ?? -62;
  let dropAfter: { commandId: number | null } | null = null;
  const slot: Slot = {
    lock,
    address: entry.address,
    link: null,
    fault: 'none',
    heardAt: () => rssi + Math.round((random() - 0.5) * 4),
    shouldDropAfter(commandId) {
      const armed = dropAfter;
      const applies = armed !== null && (armed.commandId === null ? commandId !== NUKI_COMMAND.REQUEST_DATA : armed.commandId === commandId);
      if (applies) dropAfter = null;
      return applies;
    },
    handle: {
      address: entry.address,
      lock,
      get fault() {
        return slot.fault;
      },
      get isConnected() {
        return slot.link?.isOpen ?? false;
      },
      pressButton: () => lock.pressButton(),
      setFault(fault) {
        slot.fault = fault;
        lock.simulateWrongSecurityPin(fault === 'wrong_security_pin');
        if (fault === 'out_of_range') slot.link?.drop('the lock went out of range');
      },
      setRssi: (dbm) => void (rssi = dbm),
      simulateKeypadEntry: (code) => lock.simulateKeypadEntry(code),
      dropLinkAfterNextCommand: (commandId) => void (dropAfter = { commandId: commandId ?? null }),
      commandsReceived: (commandId) => lock.commandsReceived(commandId),
      boxNoncesSeen: (authId) => lock.boxNoncesSeen(authId),
    },
  };
  return slot;
}

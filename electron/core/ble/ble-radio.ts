/**
 * The Bluetooth LE radio as Lockbench's lock drivers need it: scan, connect, write a characteristic, receive its
 * indications. Our own small interface, so a lock protocol (Nuki) never sees which radio is below it:
 *
 *   Nuki driver ─▶ BleRadio ─┬─ noble-radio.ts   (@stoprocent/noble: CoreBluetooth, WinRT, Linux HCI)
 *                            └─ virtual radio     (the demo site's virtual Nuki locks, the tests)
 *
 * A reply may arrive as several indications, in order: 20 bytes each at the default MTU, larger where the radio
 * negotiated a bigger MTU (noble's Linux binding asks for 256). The protocol above reassembles by its own frame
 * lengths, never by chunk size. Writes of any length are sent as one GATT (long) write.
 */
export interface BleRadio {
  /** Whether the radio can be used here, in words an installer can act on. Never throws. */
  availability(): Promise<BleAvailability>;
  /**
   * Listens for advertisements for `durationMs` (or until `signal` aborts); each one heard is passed to `onFound`
   * (the same device may be heard many times). Rejects with CodedError `ble.unavailable` when the radio cannot scan.
   */
  scan(options: BleScanOptions, onFound: (advertisement: BleAdvertisement) => void): Promise<void>;
  /**
   * Connects to a device by its address (as advertised; noble reaches only devices heard in a scan this session).
   * Rejects with CodedError `lock.offline` when it is not heard or does not accept the connection in time,
   * `ble.unavailable` when the radio cannot be used.
   */
  connect(address: string, options?: { timeoutMs?: number }): Promise<BleLink>;
  /** Stops scanning and drops every link (the app is closing). */
  close(): Promise<void>;
}

/** Why the radio cannot be used, each with what to do about it. */
export type BleUnavailableReason =
  /** Bluetooth is switched off on this computer. */
  | 'powered_off'
  /** The OS has not granted Lockbench Bluetooth (macOS privacy setting; Linux capability). */
  | 'unauthorized'
  /** No Bluetooth LE adapter on this computer. */
  | 'no_adapter'
  /** The Bluetooth library could not be loaded on this system. */
  | 'no_binary';

/** The radio's state: usable, or not with a reason and one line saying what to do. */
export type BleAvailability = { state: 'ready' } | { state: 'unavailable'; reason: BleUnavailableReason; message: string };

/** What to listen for. */
export interface BleScanOptions {
  durationMs: number;
  /** Only devices advertising one of these 128-bit service UUIDs (lowercase, with dashes); all when empty. */
  serviceUuids?: readonly string[];
  signal?: AbortSignal;
}

/** One advertisement as heard. */
export interface BleAdvertisement {
  /** The device's address as the radio names it (a MAC on Windows/Linux, an OS-assigned id on macOS). */
  address: string;
  /** The advertised local name, or null. */
  localName: string | null;
  /** Signal strength in dBm. */
  rssi: number;
  /** Advertised service UUIDs, lowercase with dashes. */
  serviceUuids: readonly string[];
  /** Service data by UUID (lowercase with dashes). */
  serviceData: ReadonlyArray<{ uuid: string; data: Uint8Array }>;
  /** Manufacturer-specific data (company id first, little-endian), or null. */
  manufacturerData: Uint8Array | null;
}

/** One GATT connection to a device. */
export interface BleLink {
  readonly address: string;
  /**
   * Turns on indications of a characteristic (written to its CCCD on every connection: the device does not remember
   * it) and passes each value received to `onValue`, in order. Returns a function that stops listening.
   */
  subscribe(service: string, characteristic: string, onValue: (value: Uint8Array) => void): Promise<() => void>;
  /**
   * Writes a value (GATT write with response; a long write when it does not fit one packet). Rejects
   * `lock.connection_lost` when the link is gone, `lock.no_answer` when the write is not answered in time.
   */
  write(service: string, characteristic: string, value: Uint8Array): Promise<void>;
  /** Called once when the link drops (out of range, the device closed it, `disconnect`). */
  onDisconnect(listener: (reason: string) => void): () => void;
  disconnect(): Promise<void>;
}

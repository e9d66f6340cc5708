/**
 * Nuki BLE identifiers: command ids (nuki-ble.md §4), GATT UUIDs (§1), Status values and pairing constants.
 * Ids are u16 little-endian on the wire. Only the commands Lockbench speaks (pairing, keypad codes, config, time,
 * logs) plus Lock Action (for the official example) and the Ultra's Authorization Info are listed.
 */
export const NUKI_COMMAND = {
  REQUEST_DATA: 0x0001,
  PUBLIC_KEY: 0x0003,
  CHALLENGE: 0x0004,
  AUTHORIZATION_AUTHENTICATOR: 0x0005,
  AUTHORIZATION_DATA: 0x0006,
  AUTHORIZATION_ID: 0x0007,
  KEYTURNER_STATES: 0x000c,
  LOCK_ACTION: 0x000d,
  STATUS: 0x000e,
  ERROR_REPORT: 0x0012,
  SET_CONFIG: 0x0013,
  REQUEST_CONFIG: 0x0014,
  CONFIG: 0x0015,
  AUTHORIZATION_ID_CONFIRMATION: 0x001e,
  VERIFY_SECURITY_PIN: 0x0020,
  UPDATE_TIME: 0x0021,
  REQUEST_LOG_ENTRIES: 0x0031,
  LOG_ENTRY: 0x0032,
  LOG_ENTRY_COUNT: 0x0033,
  ENABLE_LOGGING: 0x0034,
  ADD_KEYPAD_CODE: 0x0041,
  KEYPAD_CODE_ID: 0x0042,
  REQUEST_KEYPAD_CODES: 0x0043,
  KEYPAD_CODE_COUNT: 0x0044,
  KEYPAD_CODE: 0x0045,
  UPDATE_KEYPAD_CODE: 0x0046,
  REMOVE_KEYPAD_CODE: 0x0047,
  /** Smart Lock Ultra only: sent instead of the second Challenge during pairing (1 byte, security PIN info). */
  AUTHORIZATION_INFO: 0x004c,
} as const;

/** The name of a command, e.g. `ADD_KEYPAD_CODE`. */
export type NukiCommandName = keyof typeof NUKI_COMMAND;
/** A command id Lockbench knows. */
export type NukiCommandId = (typeof NUKI_COMMAND)[NukiCommandName];

const NAMES = new Map<number, NukiCommandName>(
  (Object.entries(NUKI_COMMAND) as [NukiCommandName, number][]).map(([name, id]) => [id, name]),
);

/** A readable name for a command id, e.g. `ADD_KEYPAD_CODE (0x0041)`; unknown ids as hex only. */
export function commandLabel(commandId: number): string {
  const hex = `0x${commandId.toString(16).padStart(4, '0').toUpperCase()}`;
  const name = NAMES.get(commandId);
  return name ? `${name} (${hex})` : hex;
}

/** Status 0x000E values. */
export const NUKI_STATUS = {
  /** The command is done. */
  COMPLETE: 0x00,
  /** Accepted; more messages (and a final COMPLETE) follow. */
  ACCEPTED: 0x01,
} as const;

/** Authorization Data idType: who is pairing. A desktop app registers as APP (a BRIDGE excludes the lock's Wi-Fi). */
export const NUKI_ID_TYPE = { APP: 0, BRIDGE: 1, FOB: 2, KEYPAD: 3 } as const;

/** The auth id an Ultra expects in ADATA while pairing, before it has assigned one (nuki-cli, pyNukiBT). */
export const ULTRA_PAIRING_AUTH_ID = 0x7fffffff;

const uuid = (short: string): string => `a92e${short}-5501-11e4-916c-0800200c9a66`;

/** GATT services and characteristics (all share the base a92eXXXX-5501-11e4-916c-0800200c9a66). */
export const NUKI_GATT = {
  /** Advertised only while the lock is uninitialized; no characteristics. */
  INITIALIZATION_SERVICE: uuid('e000'),
  PAIRING_SERVICE: uuid('e100'),
  /** Unencrypted pairing traffic: write (long) + indicate. */
  PAIRING_GDIO: uuid('e101'),
  KEYTURNER_SERVICE: uuid('e200'),
  KEYTURNER_GDIO: uuid('e201'),
  /** All encrypted traffic: write (long) + indicate. */
  KEYTURNER_USDIO: uuid('e202'),
  /** Smart Lock Ultra pairing service and its GDIO. */
  ULTRA_PAIRING_SERVICE: uuid('e300'),
  ULTRA_PAIRING_GDIO: uuid('e301'),
} as const;

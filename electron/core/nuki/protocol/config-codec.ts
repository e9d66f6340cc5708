import { ByteReader, ByteWriter, protocolError } from './bytes';
import { DATE_TIME_BYTES, decodeDateTime, encodeDateTime } from './date-codec';

/**
 * Config 0x0015 (read) and Set Config 0x0013 (write) bodies (nuki-ble.md §4, §6). Set Config carries the whole
 * writable config, so it is built read-modify-write: encodeSetConfig(configJustRead, { timezoneId: 37 }).
 * Offsets of Config: nukiId @0 · name[32] @4 · lat @36 · lon @40 · flags @44–48 · currentTime @49 · tzOffset @56 ·
 * dstMode @58 · hasFob @59 · fob actions @60–62 · singleLock @63 · advertisingMode @64 · hasKeypad @65 · fw[3] @66 ·
 * hw[2] @69 · homeKit @71 · timezoneId @72 — then, on newer firmware, deviceType @74 · capabilities @75 ·
 * hasKeypadV2 @76 · matterStatus @77.
 */

/** DST mode values. */
export const DST_MODE = { OFF: 0, EUROPEAN: 1 } as const;
/** timezoneId when the lock has no time-zone support. */
export const TIMEZONE_ID_NONE = 0xffff;

/** The fields Set Config writes, in wire order. */
export interface SettableConfig {
  name: string;
  latitude: number;
  longitude: number;
  autoUnlatch: boolean;
  pairingEnabled: boolean;
  buttonEnabled: boolean;
  ledEnabled: boolean;
  /** 0 (off) to 5. */
  ledBrightness: number;
  /** Minutes east of UTC. */
  timezoneOffsetMinutes: number;
  /** DST_MODE value. */
  dstMode: number;
  fobActions: [number, number, number];
  singleLock: boolean;
  advertisingMode: number;
  /** 0–45 from the PDF's list (37 = Europe/Berlin), or TIMEZONE_ID_NONE. */
  timezoneId: number;
}

/** The lock's Config 0x0015. Fields from deviceType on exist only on newer firmware. */
export interface NukiConfig extends SettableConfig {
  nukiId: number;
  /** The lock's clock (UTC). */
  currentTime: Date | null;
  hasFob: boolean;
  hasKeypad: boolean;
  firmwareVersion: [number, number, number];
  hardwareRevision: [number, number];
  homeKitStatus: number;
  deviceType?: number;
  capabilities?: number;
  hasKeypadV2?: boolean;
  matterStatus?: number;
}

const CONFIG_BYTES = 74;
const SET_CONFIG_BYTES = 55;

/** Decodes Config 0x0015 (74 bytes, or more on newer firmware). */
export function decodeConfig(payload: Uint8Array): NukiConfig {
  if (payload.length < CONFIG_BYTES) throw protocolError(`Config is ${payload.length} bytes; expected at least ${CONFIG_BYTES}`);
  const r = new ByteReader(payload);
  const [nukiId, name, latitude, longitude] = [r.u32(), r.text(32), r.f32(), r.f32()];
  const [autoUnlatch, pairingEnabled, buttonEnabled, ledEnabled] = [r.u8() !== 0, r.u8() !== 0, r.u8() !== 0, r.u8() !== 0];
  const ledBrightness = r.u8();
  const currentTime = decodeDateTime(r.bytes(DATE_TIME_BYTES));
  const [timezoneOffsetMinutes, dstMode, hasFob] = [r.i16(), r.u8(), r.u8() !== 0];
  const fobActions: [number, number, number] = [r.u8(), r.u8(), r.u8()];
  const [singleLock, advertisingMode, hasKeypad] = [r.u8() !== 0, r.u8(), r.u8() !== 0];
  const firmwareVersion: [number, number, number] = [r.u8(), r.u8(), r.u8()];
  const hardwareRevision: [number, number] = [r.u8(), r.u8()];
  const [homeKitStatus, timezoneId] = [r.u8(), r.u16()];
  const config: NukiConfig = {
    nukiId, name, latitude, longitude, autoUnlatch, pairingEnabled, buttonEnabled, ledEnabled, ledBrightness, currentTime,
    timezoneOffsetMinutes, dstMode, hasFob, fobActions, singleLock, advertisingMode, hasKeypad, firmwareVersion,
    hardwareRevision, homeKitStatus, timezoneId,
  };
  if (r.remaining >= 1) config.deviceType = r.u8();
  if (r.remaining >= 1) config.capabilities = r.u8();
  if (r.remaining >= 1) config.hasKeypadV2 = r.u8() === 1;
  if (r.remaining >= 1) config.matterStatus = r.u8();
  return config;
}

/** Encodes Config 0x0015 (for a virtual lock): 74 bytes plus the newer tail fields up to the last one given. */
export function encodeConfig(config: NukiConfig): Uint8Array {
  const w = new ByteWriter().u32(config.nukiId, 'nukiId').text(config.name, 32, 'name').f32(config.latitude).f32(config.longitude);
  w.u8(flag(config.autoUnlatch)).u8(flag(config.pairingEnabled)).u8(flag(config.buttonEnabled)).u8(flag(config.ledEnabled));
  w.u8(config.ledBrightness, 'ledBrightness').bytes(encodeDateTime(config.currentTime));
  w.i16(config.timezoneOffsetMinutes, 'timezoneOffsetMinutes').u8(config.dstMode, 'dstMode').u8(flag(config.hasFob));
  for (const action of config.fobActions) w.u8(action, 'fobAction');
  w.u8(flag(config.singleLock)).u8(config.advertisingMode, 'advertisingMode').u8(flag(config.hasKeypad));
  w.bytes(Uint8Array.from(config.firmwareVersion), 3, 'firmwareVersion').bytes(Uint8Array.from(config.hardwareRevision), 2, 'hardwareRevision');
  w.u8(config.homeKitStatus, 'homeKitStatus').u16(config.timezoneId, 'timezoneId');
  const tail = [config.deviceType, config.capabilities, config.hasKeypadV2 === undefined ? undefined : flag(config.hasKeypadV2), config.matterStatus];
  const last = tail.findLastIndex((v) => v !== undefined);
  for (const value of tail.slice(0, last + 1)) w.u8(value ?? 0);
  return w.toBytes();
}

/** Encodes Set Config 0x0013 (55 bytes, before nK ‖ PIN): `current` with `changes` applied. */
export function encodeSetConfig(current: SettableConfig, changes: Partial<SettableConfig> = {}): Uint8Array {
  const c = { ...current, ...changes };
  const w = new ByteWriter().text(c.name, 32, 'name').f32(c.latitude).f32(c.longitude);
  w.u8(flag(c.autoUnlatch)).u8(flag(c.pairingEnabled)).u8(flag(c.buttonEnabled)).u8(flag(c.ledEnabled));
  w.u8(c.ledBrightness, 'ledBrightness').i16(c.timezoneOffsetMinutes, 'timezoneOffsetMinutes').u8(c.dstMode, 'dstMode');
  for (const action of c.fobActions) w.u8(action, 'fobAction');
  return w.u8(flag(c.singleLock)).u8(c.advertisingMode, 'advertisingMode').u16(c.timezoneId, 'timezoneId').toBytes();
}

/** Decodes a Set Config body (exactly 55 bytes; for a virtual lock). */
export function decodeSetConfig(payload: Uint8Array): SettableConfig {
  if (payload.length !== SET_CONFIG_BYTES) throw protocolError(`Set Config is ${payload.length} bytes; expected ${SET_CONFIG_BYTES}`);
  const r = new ByteReader(payload);
  const [name, latitude, longitude] = [r.text(32), r.f32(), r.f32()];
  const [autoUnlatch, pairingEnabled, buttonEnabled, ledEnabled] = [r.u8() !== 0, r.u8() !== 0, r.u8() !== 0, r.u8() !== 0];
  const [ledBrightness, timezoneOffsetMinutes, dstMode] = [r.u8(), r.i16(), r.u8()];
  const fobActions: [number, number, number] = [r.u8(), r.u8(), r.u8()];
  const [singleLock, advertisingMode, timezoneId] = [r.u8() !== 0, r.u8(), r.u16()];
  return {
    name, latitude, longitude, autoUnlatch, pairingEnabled, buttonEnabled, ledEnabled, ledBrightness,
    timezoneOffsetMinutes, dstMode, fobActions, singleLock, advertisingMode, timezoneId,
  };
}

/** Whether a keypad is paired to the lock: hasKeypad or, on newer firmware, hasKeypadV2 (the rule nuki_hub uses). */
export function hasAnyKeypad(config: Pick<NukiConfig, 'hasKeypad' | 'hasKeypadV2'>): boolean {
  return config.hasKeypad || config.hasKeypadV2 === true;
}

function flag(value: boolean): number {
  return value ? 1 : 0;
}

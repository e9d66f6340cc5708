import { describe, expect, it } from 'vitest';
import { decodeConfig, decodeSetConfig, encodeConfig, encodeSetConfig, hasAnyKeypad, type NukiConfig } from './config-codec';

/** A Config 0x0015 built by offset with a DataView, independent of the codec. */
function configBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const v = new DataView(bytes.buffer);
  v.setUint32(0, 0x3c8862ed, true);
  bytes.set(new TextEncoder().encode('Front door'), 4);
  v.setFloat32(36, 47.5, true);
  v.setFloat32(40, 15.25, true);
  bytes.set([0, 1, 1, 1, 3], 44); // autoUnlatch, pairing, button, led, brightness
  bytes.set([0xea, 0x07, 11, 30, 9, 5, 0], 49); // 2026-11-30 09:05:00
  v.setInt16(56, -300, true);
  bytes[58] = 1; // dstMode European
  bytes.set([0, 1, 2, 4, 1, 2, 1], 59); // hasFob, fob1..3, singleLock, advMode, hasKeypad
  bytes.set([3, 5, 8], 66);
  bytes.set([4, 2], 69);
  bytes[71] = 2;
  v.setUint16(72, 37, true);
  if (length > 74) bytes.set([4, 0x0f, 1, 0].slice(0, length - 74), 74);
  return bytes;
}

const expected: NukiConfig = {
  nukiId: 0x3c8862ed,
  name: 'Front door',
  latitude: 47.5,
  longitude: 15.25,
  autoUnlatch: false,
  pairingEnabled: true,
  buttonEnabled: true,
  ledEnabled: true,
  ledBrightness: 3,
  currentTime: new Date('2026-11-30T09:05:00Z'),
  timezoneOffsetMinutes: -300,
  dstMode: 1,
  hasFob: false,
  fobActions: [1, 2, 4],
  singleLock: true,
  advertisingMode: 2,
  hasKeypad: true,
  firmwareVersion: [3, 5, 8],
  hardwareRevision: [4, 2],
  homeKitStatus: 2,
  timezoneId: 37,
};

describe('Config 0x0015', () => {
  it('reads the v2.1 74-byte layout by offset (tzOffset @56, dstMode @58, hasKeypad @65, fw @66, hw @69, tzId @72)', () => {
    expect(decodeConfig(configBytes(74))).toEqual(expected);
  });

  it('reads the newer tail (deviceType @74, capabilities @75, hasKeypadV2 @76, matter @77) when present', () => {
    const config = decodeConfig(configBytes(78));
    expect(config).toMatchObject({ deviceType: 4, capabilities: 0x0f, hasKeypadV2: true, matterStatus: 0 });
    expect(decodeConfig(configBytes(75))).toMatchObject({ deviceType: 4 });
    expect(decodeConfig(configBytes(75)).hasKeypadV2).toBeUndefined();
  });

  it('round-trips both lengths through encodeConfig', () => {
    expect(encodeConfig(expected)).toEqual(configBytes(74));
    expect(encodeConfig(decodeConfig(configBytes(78)))).toEqual(configBytes(78));
  });

  it('refuses a short Config', () => {
    expect(() => decodeConfig(new Uint8Array(73))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });

  it('sees a keypad by either flag', () => {
    expect(hasAnyKeypad({ hasKeypad: false, hasKeypadV2: true })).toBe(true);
    expect(hasAnyKeypad({ hasKeypad: false })).toBe(false);
    expect(hasAnyKeypad({ hasKeypad: true, hasKeypadV2: false })).toBe(true);
  });
});

describe('Set Config 0x0013', () => {
  it('writes the whole config read-modify-write, with tzOffset @45, dstMode @47, timezoneId @53 (55 B)', () => {
    const body = encodeSetConfig(decodeConfig(configBytes(74)), { timezoneOffsetMinutes: 60, timezoneId: 40 });
    expect(body).toHaveLength(55);
    const v = new DataView(body.buffer);
    expect(new TextDecoder().decode(body.subarray(0, 10))).toBe('Front door');
    expect(v.getFloat32(32, true)).toBe(47.5);
    expect([...body.subarray(40, 45)]).toEqual([0, 1, 1, 1, 3]); // autoUnlatch, pairing, button, led, brightness
    expect(v.getInt16(45, true)).toBe(60);
    expect(body[47]).toBe(1);
    expect([...body.subarray(48, 53)]).toEqual([1, 2, 4, 1, 2]); // fob actions, singleLock, advertisingMode
    expect(v.getUint16(53, true)).toBe(40);
  });

  it('decodes what it encodes (for the virtual lock)', () => {
    const settable = decodeSetConfig(encodeSetConfig(expected, { dstMode: 0, name: 'Back' }));
    expect(settable).toEqual({ ...pickSettable(expected), dstMode: 0, name: 'Back' });
    expect(() => decodeSetConfig(new Uint8Array(54))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });
});

function pickSettable(c: NukiConfig) {
  const { name, latitude, longitude, autoUnlatch, pairingEnabled, buttonEnabled, ledEnabled, ledBrightness } = c;
  const { timezoneOffsetMinutes, dstMode, fobActions, singleLock, advertisingMode, timezoneId } = c;
  return {
    name, latitude, longitude, autoUnlatch, pairingEnabled, buttonEnabled, ledEnabled, ledBrightness,
    timezoneOffsetMinutes, dstMode, fobActions, singleLock, advertisingMode, timezoneId,
  };
}

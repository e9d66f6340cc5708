import { describe, expect, it } from 'vitest';
import { hexToBytes as h } from './bytes';
import { decodeBattery, decodeKeyturnerStates, encodeBattery, encodeKeyturnerStates, type KeyturnerStates } from './keyturner-codec';
import { PDF_EXAMPLE as PDF } from './pdf-example';

describe('Keyturner States', () => {
  it('reads the PDF reply: door mode, locked, 2016-03-07 08:15:30 UTC, offset 60, battery ok', () => {
    const states = decodeKeyturnerStates(h(PDF.keyturnerStatesPayload));
    expect(states).toEqual({
      nukiState: 2,
      lockState: 1,
      trigger: 0,
      currentTime: new Date('2016-03-07T08:15:30Z'),
      timezoneOffsetMinutes: 60,
      battery: { percent: 0, isCritical: false, isCharging: false },
      configUpdateCount: 0x20,
      lockNGoTimer: 0x0a,
    });
    expect(encodeKeyturnerStates(states)).toEqual(h(PDF.keyturnerStatesPayload));
  });

  it('reads the head only when that is all that came', () => {
    const states = decodeKeyturnerStates(h(PDF.keyturnerStatesPayload).subarray(0, 13));
    expect(Object.keys(states)).toEqual(['nukiState', 'lockState', 'trigger', 'currentTime', 'timezoneOffsetMinutes', 'battery']);
    expect(() => decodeKeyturnerStates(new Uint8Array(12))).toThrow(expect.objectContaining({ code: 'lock.protocol_error' }));
  });

  it('reads battery @12 and accessory battery @20 of newer firmware', () => {
    const bytes = new Uint8Array(27);
    bytes.set([2, 3, 0]);
    new DataView(bytes.buffer).setInt16(10, -120, true);
    bytes[12] = (42 << 2) | 0x02; // 84 %, charging
    bytes[18] = 2; // door closed
    bytes[19] = 1; // night mode
    bytes[20] = 0x03; // keypad battery supported + critical
    const states = decodeKeyturnerStates(bytes);
    expect(states.currentTime).toBeNull();
    expect(states.timezoneOffsetMinutes).toBe(-120);
    expect(states.battery).toEqual({ percent: 84, isCritical: false, isCharging: true });
    expect(states.doorSensorState).toBe(2);
    expect(states.nightModeActive).toBe(true);
    expect(states.accessoryBattery).toEqual({
      isKeypadBatterySupported: true,
      isKeypadBatteryCritical: true,
      isDoorSensorBatterySupported: false,
      isDoorSensorBatteryCritical: false,
    });
    expect(encodeKeyturnerStates(states)).toEqual(bytes.subarray(0, 21));
  });

  it('round-trips a virtual lock state with gaps written as 0', () => {
    const states: KeyturnerStates = {
      nukiState: 2,
      lockState: 1,
      trigger: 0,
      currentTime: new Date('2026-11-30T12:00:00Z'),
      timezoneOffsetMinutes: 60,
      battery: { percent: 10, isCritical: true, isCharging: false },
      accessoryBattery: { isKeypadBatterySupported: true, isKeypadBatteryCritical: false, isDoorSensorBatterySupported: false, isDoorSensorBatteryCritical: false },
    };
    const bytes = encodeKeyturnerStates(states);
    expect(bytes).toHaveLength(21);
    expect(bytes[12]).toBe((5 << 2) | 1);
    expect(decodeKeyturnerStates(bytes)).toMatchObject({ ...states, configUpdateCount: 0, nightModeActive: false });
    expect(decodeBattery(encodeBattery({ percent: 100, isCritical: false, isCharging: false })).percent).toBe(100);
  });
});

import { describe, expect, it } from 'vitest';
import { lockProfileSchema } from '../../../shared/domain/lock';
import type { NukiLockStates } from './client/nuki-client';
import { SAMPLE_CODES, SAMPLE_CONFIG } from './client/client-fixtures';
import { DST_MODE } from './protocol/config-codec';
import { LOCK_STATE } from './protocol/keyturner-codec';
import { nukiModelOf, nukiProfileOf } from './nuki-profile';

const STATES: NukiLockStates = {
  batteryPercent: 36,
  isBatteryCritical: true,
  isKeypadBatteryCritical: null,
  lockTime: new Date('2025-06-01T12:00:05Z'),
  tzOffsetMinutes: 60,
  nukiState: 2,
  lockState: LOCK_STATE.UNLOCKED,
};
const READ_AT = new Date('2025-06-01T12:00:00Z');

describe('nukiProfileOf', () => {
  it('describes the lock in the lock port words, and is a valid stored profile', () => {
    const profile = nukiProfileOf({ address: 'AA:BB', config: SAMPLE_CONFIG, states: STATES, codes: SAMPLE_CODES, readAt: READ_AT });
    expect(profile).toEqual({
      address: 'AA:BB',
      codePlaces: 'lock_ids',
      codeProof: 'list',
      keepsCodeNames: true,
      manufacturer: 'Nuki',
      model: 'Smart Lock 3.0 with Keypad',
      firmwareVersion: '3.8.4',
      securityClass: 'app_key',
      isOnline: true,
      offlineSince: null,
      readAt: '2025-06-01T12:00:00.000Z',
      supportsAccessCodes: true,
      slotCount: 100,
      supportedCodeLengths: [6],
      codeLengthsSource: 'protocol',
      codeLengthsNote: 'Nuki keypad codes are 6 digits 1–9, never starting with 12',
      reservedSlots: [],
      deviceIds: null,
      serialNumber: '3C8862ED',
      pinCharset: 'digits',
      nativeScheduling: true,
      supportsChecksum: false,
      batteryLevel: 36,
      batteryReadAt: '2025-06-01T12:00:00.000Z',
      isBatteryLow: true,
      isKeypadBatteryLow: null,
      doorState: 'unlocked',
      // London, European DST, in June: one hour more than the configured 60.
      clockOffsetMinutes: 120,
      lockTime: '2025-06-01T12:00:05.000Z',
      occupiedSlots: [1, 2, 5],
      codeConstraints: [{ constraint_type: 'no_zeros' }, { constraint_type: 'cannot_start_with_12' }, { constraint_type: 'name_length', max_length: 20 }],
    });
    expect(lockProfileSchema.parse(profile)).toEqual(profile);
  });

  it('says no access codes without a keypad, and reads the door and the offset as configured', () => {
    const config = { ...SAMPLE_CONFIG, hasKeypad: false, dstMode: DST_MODE.OFF, timezoneOffsetMinutes: -300 };
    const profile = nukiProfileOf({ address: 'AA', config, states: { ...STATES, lockState: LOCK_STATE.MOTOR_BLOCKED, lockTime: null }, codes: [], readAt: READ_AT });
    expect(profile).toMatchObject({ supportsAccessCodes: false, doorState: 'unknown', clockOffsetMinutes: -300, lockTime: null, occupiedSlots: [] });
  });
});

describe('nukiModelOf', () => {
  it('names the generation by the firmware and the keypad by its flags', () => {
    expect(nukiModelOf({ firmwareVersion: [4, 2, 1], hasKeypad: false, hasKeypadV2: true })).toBe('Smart Lock 4.0 with Keypad 2');
    expect(nukiModelOf({ firmwareVersion: [2, 12, 0], hasKeypad: false })).toBe('Smart Lock 2.0');
    expect(nukiModelOf({ firmwareVersion: [9, 0, 0], hasKeypad: true })).toBe('Smart Lock with Keypad');
  });
});

import { describe, expect, it } from 'vitest';
import { commandLabel, NUKI_COMMAND, NUKI_GATT } from './command-ids';

describe('command ids', () => {
  it('holds the ids of the reference §4', () => {
    expect(NUKI_COMMAND.REQUEST_DATA).toBe(0x0001);
    expect(NUKI_COMMAND.KEYTURNER_STATES).toBe(0x000c);
    expect(NUKI_COMMAND.AUTHORIZATION_ID_CONFIRMATION).toBe(0x001e);
    expect(NUKI_COMMAND.ADD_KEYPAD_CODE).toBe(0x0041);
    expect(NUKI_COMMAND.REMOVE_KEYPAD_CODE).toBe(0x0047);
    expect(new Set(Object.values(NUKI_COMMAND)).size).toBe(Object.values(NUKI_COMMAND).length);
  });

  it('labels known and unknown ids', () => {
    expect(commandLabel(0x0041)).toBe('ADD_KEYPAD_CODE (0x0041)');
    expect(commandLabel(0x00ab)).toBe('0x00AB');
  });

  it('builds the GATT UUIDs on the Nuki base', () => {
    expect(NUKI_GATT.PAIRING_GDIO).toBe('a92ee101-5501-11e4-916c-0800200c9a66');
    expect(NUKI_GATT.KEYTURNER_USDIO).toBe('a92ee202-5501-11e4-916c-0800200c9a66');
    expect(NUKI_GATT.ULTRA_PAIRING_GDIO).toBe('a92ee301-5501-11e4-916c-0800200c9a66');
  });
});

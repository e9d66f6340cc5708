import { describe, expect, it } from 'vitest';
import { DST_MODE, TIMEZONE_ID_NONE } from './protocol/config-codec';
import { effectiveLockOffset, followsEuropeanDst, isEuropeanSummerTime, nukiTimeZoneFor, nukiTimeZoneId } from './nuki-time-zone';

const JUNE = new Date('2025-06-02T09:00:00Z');

describe('nukiTimeZoneId', () => {
  it('numbers zones from the API PDF list and gives 0xFFFF to the others', () => {
    expect(nukiTimeZoneId('Africa/Cairo')).toBe(0);
    expect(nukiTimeZoneId('America/New_York')).toBe(12);
    expect(nukiTimeZoneId('Europe/Berlin')).toBe(37);
    expect(nukiTimeZoneId('Europe/London')).toBe(40);
    expect(nukiTimeZoneId('Pacific/Pago_Pago')).toBe(45);
    expect(nukiTimeZoneId('Asia/Calcutta')).toBe(24);
    expect(nukiTimeZoneId('Europe/Paris')).toBe(TIMEZONE_ID_NONE);
    expect(nukiTimeZoneId(undefined)).toBe(TIMEZONE_ID_NONE);
  });
});

describe('followsEuropeanDst', () => {
  it('knows the zones that switch on the last Sundays of March and October at 01:00 UTC', () => {
    for (const zone of ['Europe/Berlin', 'Europe/London', 'Europe/Paris', 'Europe/Helsinki', 'Europe/Lisbon']) expect(followsEuropeanDst(zone, JUNE)).toBe(true);
    for (const zone of ['America/New_York', 'Europe/Moscow', 'Europe/Istanbul', 'Asia/Tokyo', 'UTC', 'Australia/Sydney', 'Not/AZone']) {
      expect(followsEuropeanDst(zone, JUNE)).toBe(false);
    }
  });

  it('tells EU summer time to the second', () => {
    expect(isEuropeanSummerTime(new Date('2025-03-30T00:59:59Z'))).toBe(false);
    expect(isEuropeanSummerTime(new Date('2025-03-30T01:00:00Z'))).toBe(true);
    expect(isEuropeanSummerTime(new Date('2025-10-26T00:59:59Z'))).toBe(true);
    expect(isEuropeanSummerTime(new Date('2025-10-26T01:00:00Z'))).toBe(false);
  });
});

describe('nukiTimeZoneFor', () => {
  it('writes an EU zone as its standard offset with European DST', () => {
    expect(nukiTimeZoneFor({ utc: JUNE, offsetMinutes: 60, dstOffsetMinutes: 60, timeZone: 'Europe/Berlin' })).toEqual({
      tzOffsetMinutes: 60,
      dstMode: DST_MODE.EUROPEAN,
      timezoneId: 37,
    });
    expect(nukiTimeZoneFor({ utc: JUNE, offsetMinutes: 60, dstOffsetMinutes: 60, timeZone: 'Europe/Paris' })).toEqual({
      tzOffsetMinutes: 60,
      dstMode: DST_MODE.EUROPEAN,
      timezoneId: TIMEZONE_ID_NONE,
    });
  });

  it('writes any other zone, or none, as the offset in effect now with DST off', () => {
    expect(nukiTimeZoneFor({ utc: JUNE, offsetMinutes: -300, dstOffsetMinutes: 60, timeZone: 'America/New_York' })).toEqual({
      tzOffsetMinutes: -240,
      dstMode: DST_MODE.OFF,
      timezoneId: 12,
    });
    expect(nukiTimeZoneFor({ utc: JUNE, offsetMinutes: 330 })).toEqual({ tzOffsetMinutes: 330, dstMode: DST_MODE.OFF, timezoneId: TIMEZONE_ID_NONE });
  });
});

describe('effectiveLockOffset', () => {
  it('adds the EU summer hour only in European DST mode', () => {
    expect(effectiveLockOffset({ timezoneOffsetMinutes: 60, dstMode: DST_MODE.EUROPEAN }, JUNE)).toBe(120);
    expect(effectiveLockOffset({ timezoneOffsetMinutes: 60, dstMode: DST_MODE.EUROPEAN }, new Date('2025-01-10T12:00:00Z'))).toBe(60);
    expect(effectiveLockOffset({ timezoneOffsetMinutes: -240, dstMode: DST_MODE.OFF }, JUNE)).toBe(-240);
  });
});

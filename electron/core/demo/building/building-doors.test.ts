import { describe, expect, it } from 'vitest';
import { doorPlacementSchema } from '../../../../shared/domain/door-placement';
import { isValidKeypadCode } from '../nuki/keypad-code-rules';
import { BUILDING_DOORS, buildingDoorAt } from './building-doors';
import { BUILDING_NUKI_LOCKS } from './building-nuki-locks';
import { BUILDING_ZWAVE_LOCKS } from './building-zwave-locks';

describe('the building demo', () => {
  it('has 24 doors: 16 Z-Wave locks on node ids 2–17 and 8 Nuki locks, mixed across common, service and flat doors', () => {
    expect(BUILDING_DOORS).toHaveLength(24);
    expect(BUILDING_ZWAVE_LOCKS.map((l) => l.spec.nodeId)).toEqual(Array.from({ length: 16 }, (_, i) => i + 2));
    expect(BUILDING_NUKI_LOCKS).toHaveLength(8);
    for (const group of ['common', 'service', 'flat'] as const) {
      const protocols = new Set(BUILDING_DOORS.filter((d) => d.group === group).map((d) => d.lockAddress.protocol));
      expect([...protocols].sort(), group).toEqual(['nuki', 'zwave']);
    }
  });

  it('places every door (floor, group, unit) validly and uniquely, flats on floors 1–4 with their units', () => {
    for (const door of BUILDING_DOORS) {
      expect(() => doorPlacementSchema.parse({ floor: door.floor, group: door.group, unit: door.unit }), door.name).not.toThrow();
      expect(door.unit !== null, door.name).toBe(door.group === 'flat');
    }
    expect(new Set(BUILDING_DOORS.map((d) => d.name)).size).toBe(24);
    expect(new Set(BUILDING_DOORS.map((d) => `${d.lockAddress.protocol}:${d.lockAddress.address}`)).size).toBe(24);
    const flats = BUILDING_DOORS.filter((d) => d.group === 'flat');
    expect(flats).toHaveLength(16);
    expect(new Set(flats.map((d) => d.unit)).size).toBe(16);
    for (const flat of flats) expect(flat).toMatchObject({ name: `Flat ${flat.unit}`, floor: flat.unit!.split('.')[0] });
    expect(new Set(flats.map((d) => d.floor))).toEqual(new Set(['1', '2', '3', '4']));
    expect(BUILDING_DOORS.map((d) => d.floor)).toEqual(expect.arrayContaining(['G', 'Roof']));
    expect(buildingDoorAt({ protocol: 'zwave', address: '2' })?.name).toBe('Main entrance');
    expect(buildingDoorAt({ protocol: 'zwave', address: '99' })).toBeNull();
  });

  it('has weak and flaky locks, realistic slot counts and codes made elsewhere', () => {
    const specs = BUILDING_ZWAVE_LOCKS.map((l) => l.spec);
    const weak = [...specs.map((s) => s.batteryLevel), ...BUILDING_NUKI_LOCKS.map((l) => l.spec.batteryPercent)].filter((b) => b >= 10 && b <= 20);
    expect(weak.length).toBeGreaterThanOrEqual(3);
    const flaky = specs.filter((s) => s.dropRate > 0);
    expect(flaky.length).toBeGreaterThanOrEqual(2);
    expect(flaky.length).toBeLessThanOrEqual(3);
    for (const s of flaky) expect(s.dropRate >= 0.04 && s.dropRate <= 0.1, s.label).toBe(true);
    expect(specs.filter((s) => s.slotCount === 10).length).toBeGreaterThan(0);
    expect(specs.filter((s) => s.slotCount >= 20).length).toBeGreaterThan(specs.length / 2);
    // 250-slot models would make the first interview read 250 slots each (queryAllUserCodes).
    expect(Math.max(...specs.map((s) => s.slotCount))).toBeLessThanOrEqual(30);
    expect(specs.some((s) => s.device) && specs.some((s) => !s.device)).toBe(true);
    const zwaveElsewhere = specs.flatMap((s) => Object.entries(s.factoryCodes ?? {}));
    const nukiElsewhere = BUILDING_NUKI_LOCKS.flatMap((l) => l.spec.factoryCodes ?? []);
    expect(zwaveElsewhere.length).toBeGreaterThanOrEqual(2);
    expect(nukiElsewhere.length).toBeGreaterThanOrEqual(1);
    for (const [, code] of zwaveElsewhere) expect(code).toMatch(/^\d{4,8}$/);
    for (const { code } of nukiElsewhere) expect(isValidKeypadCode(Number(code)), code).toBe(true);
  });

  it('gives each Nuki lock its own identity and a 4-digit security PIN', () => {
    const specs = BUILDING_NUKI_LOCKS.map((l) => l.spec);
    expect(new Set(specs.map((s) => s.nukiId)).size).toBe(8);
    expect(new Set(specs.map((s) => s.address)).size).toBe(8);
    for (const s of specs) {
      expect(s.address).toMatch(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/);
      expect(String(s.securityPin)).toMatch(/^\d{4}$/);
      expect(s.label).toBe(BUILDING_NUKI_LOCKS.find((l) => l.spec === s)!.door.name);
    }
  });
});

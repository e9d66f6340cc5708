import { describe, expect, it } from 'vitest';
import { doorSchema } from './door';
import { lockProfileSchema } from './lock';
import { describeLockAddress, lockAddressSchema } from './lock-address';
import { sampleLockProfile } from '../testing/samples';

/** A door as Lockbench 0.1 stored it: the Z-Wave node id only, with a profile that names the node. */
const earlierDoor = {
  id: 'd1',
  siteId: 'demo',
  name: 'Front door',
  nodeId: 5,
  createdAt: '2026-11-01T10:00:00.000Z',
  lastProfile: (() => {
    const { address: _address, codePlaces: _places, codeProof: _proof, ...rest } = sampleLockProfile();
    return { ...rest, nodeId: 5 };
  })(),
};

describe('lock addresses: a door points to { protocol, address }', () => {
  it('a door stored before Bluetooth (nodeId) is read as a Z-Wave address, its profile too', () => {
    const door = doorSchema.parse(earlierDoor);
    expect(door.lockAddress).toEqual({ protocol: 'zwave', address: '5' });
    expect(door).not.toHaveProperty('nodeId');
    expect(door.lastProfile).toMatchObject({ address: '5', codePlaces: 'slots', codeProof: 'read_back' });
    expect(door.lastProfile).not.toHaveProperty('nodeId');
  });

  it('today\'s shape reads back unchanged', () => {
    const door = doorSchema.parse(earlierDoor);
    expect(doorSchema.parse(JSON.parse(JSON.stringify(door)))).toEqual(door);
    const nuki = lockProfileSchema.parse({ ...sampleLockProfile(), address: '54:D2:72:3C:88:62', codePlaces: 'lock_ids', codeProof: 'list' });
    expect(nuki).toMatchObject({ address: '54:D2:72:3C:88:62', codePlaces: 'lock_ids', codeProof: 'list' });
  });

  it('refuses a Z-Wave address that is not a node id, and names the field', () => {
    const bad = lockAddressSchema.safeParse({ protocol: 'zwave', address: 'AA:BB' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['address']);
    expect(lockAddressSchema.safeParse({ protocol: 'nuki', address: '54:D2:72:3C:88:62' }).success).toBe(true);
    expect(lockAddressSchema.safeParse({ protocol: 'bluetooth', address: '1' }).success).toBe(false);
  });

  it('says where a lock is in short words', () => {
    expect(describeLockAddress({ protocol: 'zwave', address: '5' })).toBe('node 5');
    expect(describeLockAddress({ protocol: 'nuki', address: '54:D2:72:3C:88:62' })).toBe('Bluetooth 54:D2:72:3C:88:62');
  });
});

describe('sites hold several connections, one per protocol', () => {
  it('a site stored with one controller (`connection`) is read with it as its only connection', async () => {
    const { siteSchema } = await import('./site');
    const site = siteSchema.parse({ id: 's', name: 'Flat', timeZone: 'UTC', connection: { kind: 'serial', path: 'COM3' }, createdAt: '2026-11-01T00:00:00.000Z' });
    expect(site.connections).toEqual([{ kind: 'serial', path: 'COM3' }]);
    expect(site).not.toHaveProperty('connection');
  });

  it('takes a stick and a Bluetooth radio together, never two of one protocol', async () => {
    const { siteSchema } = await import('./site');
    const base = { id: 's', name: 'Flat', timeZone: 'UTC', createdAt: '2026-11-01T00:00:00.000Z' };
    expect(siteSchema.safeParse({ ...base, connections: [{ kind: 'serial', path: 'COM3' }, { kind: 'bluetooth', radio: 'system' }] }).success).toBe(true);
    expect(siteSchema.safeParse({ ...base, connections: [{ kind: 'serial', path: 'COM3' }, { kind: 'tcp', url: 'tcp://a:1' }] }).success).toBe(false);
    expect(siteSchema.safeParse({ ...base, connections: [] }).success).toBe(false);
  });
});

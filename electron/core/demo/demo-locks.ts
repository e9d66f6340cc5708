import type { VirtualLockSpec } from './virtual-stick';

/**
 * The demo site's virtual locks. They differ the way real keypad locks do (slots, PIN lengths, scheduling, security,
 * battery, radio quality). The labels say "Virtual … -style": these are not the named brands' devices or quirks.
 */
export const DEMO_LOCKS: VirtualLockSpec[] = [
  {
    nodeId: 2,
    label: 'Virtual Schlage-style deadbolt (S2, 30 codes)',
    reportedName: 'Virtual deadbolt',
    slotCount: 30,
    minCodeLength: 4,
    maxCodeLength: 8,
    nativeScheduling: true,
    secure: true,
    batteryLevel: 90,
    dropRate: 0,
    revealsCodes: true,
    // A code a previous installer left (Lockbench did not create it): the door view lists it to adopt, clear or leave.
    factoryCodes: { 30: '802417' },
  },
  {
    nodeId: 3,
    label: 'Virtual budget keypad lever (no security, 10 codes)',
    reportedName: 'Virtual lever',
    slotCount: 10,
    minCodeLength: 4,
    maxCodeLength: 6,
    nativeScheduling: false,
    secure: false,
    batteryLevel: 75,
    dropRate: 0,
    revealsCodes: true,
    // A budget lock: User Code v1, so no code checksum.
    userCodeVersion: 1,
    // The owner's code, set at the keypad before Lockbench came.
    factoryCodes: { 1: '2580' },
  },
  {
    nodeId: 4,
    label: 'Virtual Yale-style lever, weak battery (S2, 20 codes)',
    reportedName: 'Virtual lever LB',
    slotCount: 20,
    minCodeLength: 4,
    maxCodeLength: 8,
    nativeScheduling: false,
    secure: true,
    batteryLevel: 15,
    codeConstraints: [{ constraint_type: 'no_triple_consecutive_ints' }, { constraint_type: 'at_least_three_unique_digits' }],
    dropRate: 0.3,
    revealsCodes: true,
  },
];

import type { DemoCloudDevice } from '../cloud/demo-cloud';

/**
 * The demo cloud's locks: one per demo lock, named like its door so the link wizard suggests it, with what Seam
 * would report for such a lock. Every one programs codes online, so a time-bound code on the demo's locks without
 * native scheduling (Back door, Garage side door) is the cloud's to switch once the door is linked.
 */
export const DEMO_CLOUD_DEVICES: DemoCloudDevice[] = [
  { name: 'Front door', manufacturer: 'Schlage', model: 'Virtual deadbolt', serialNumber: 'DEMO-FRONT-0002', supportedCodeLengths: [4, 5, 6, 7, 8], maxActiveCodes: 30, canProgramOnline: true, batteryLevel: 0.9 },
  { name: 'Back door', manufacturer: 'Kwikset', model: 'Virtual lever', serialNumber: 'DEMO-BACK-0003', supportedCodeLengths: [4, 5, 6], maxActiveCodes: 10, canProgramOnline: true, batteryLevel: 0.75 },
  {
    name: 'Garage side door',
    manufacturer: 'Yale',
    model: 'Virtual lever LB',
    serialNumber: 'DEMO-GARAGE-0004',
    supportedCodeLengths: [4, 5, 6, 7, 8],
    maxActiveCodes: 20,
    canProgramOnline: true,
    batteryLevel: 0.15,
    codeConstraints: [{ constraint_type: 'no_triple_consecutive_ints' }, { constraint_type: 'at_least_three_unique_digits' }],
  },
];

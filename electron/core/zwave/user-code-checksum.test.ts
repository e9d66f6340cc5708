import { CRC16_CCITT } from '@zwave-js/core';
import { describe, expect, it } from 'vitest';
import { crc16Ccitt, expectedUserCodeChecksum } from './user-code-checksum';

/** The bytes zwave-js's mock lock feeds its CRC for one slot: user id (2 bytes), status, ASCII code. */
const slotBytes = (slot: number, status: number, code: string): number[] => [slot >> 8, slot & 0xff, status, ...Buffer.from(code, 'ascii')];

describe('expectedUserCodeChecksum', () => {
  it('crc16Ccitt is CRC-16/AUG-CCITT (check value of "123456789" is 0xE5CC) and equals zwave-js CRC16_CCITT', () => {
    expect(crc16Ccitt(Buffer.from('123456789', 'ascii'))).toBe(0xe5cc);
    const sample = Uint8Array.from(slotBytes(300, 1, '80417'));
    expect(crc16Ccitt(sample)).toBe(CRC16_CCITT(sample));
  });

  it('no occupied slot gives 0x0000', () => {
    expect(expectedUserCodeChecksum([])).toBe(0);
    expect(expectedUserCodeChecksum([{ slot: 1, status: 'available', code: null }])).toBe(0);
  });

  it('matches zwave-js over userId, status and code of each occupied slot, in slot order', () => {
    const bytes = Uint8Array.from([...slotBytes(2, 1, '1234'), ...slotBytes(7, 2, '80417'), ...slotBytes(300, 1, '55667788')]);
    const slots = [
      { slot: 300, status: 'enabled' as const, code: '55667788' },
      { slot: 7, status: 'disabled' as const, code: '80417' },
      { slot: 3, status: 'available' as const, code: null },
      { slot: 2, status: 1, code: '1234' },
    ];
    expect(expectedUserCodeChecksum(slots)).toBe(CRC16_CCITT(bytes));
  });

  it('changes when one code changes, and refuses a slot of unknown status', () => {
    const a = expectedUserCodeChecksum([{ slot: 1, status: 'enabled', code: '1234' }]);
    const b = expectedUserCodeChecksum([{ slot: 1, status: 'enabled', code: '1235' }]);
    expect(a).not.toBe(b);
    expect(() => expectedUserCodeChecksum([{ slot: 1, status: 'unknown', code: '1234' }])).toThrow(/unknown status/);
  });
});

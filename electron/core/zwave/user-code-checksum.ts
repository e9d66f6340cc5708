import type { SlotReading } from './lock-network';

/** One slot as input to the checksum: the status by name (as SlotReading) or as Z-Wave's UserIDStatus byte. */
export interface ChecksumSlot {
  slot: number;
  status: SlotReading['status'] | number;
  code: string | null;
}

const STATUS_BYTES: Record<Exclude<SlotReading['status'], 'unknown'>, number> = { available: 0x00, enabled: 0x01, disabled: 0x02 };

/**
 * The User Code Checksum a lock should report (User Code CC v2) when it holds exactly these slots, computed like the
 * spec and zwave-js's mock lock: CRC-CCITT (poly 0x1021, initial 0x1D0F) over, for each occupied slot in ascending
 * order, user id (2 bytes, big-endian), status (1 byte), code (ASCII bytes). Available slots and slots with an empty
 * code are left out; no occupied slot at all gives 0x0000. A slot whose status is 'unknown' cannot be checksummed:
 * that throws (read the slot first).
 */
export function expectedUserCodeChecksum(slots: ReadonlyArray<ChecksumSlot>): number {
  const bytes: number[] = [];
  for (const s of [...slots].sort((a, b) => a.slot - b.slot)) {
    const status = statusByte(s);
    if (status === STATUS_BYTES.available || !s.code) continue;
    bytes.push((s.slot >> 8) & 0xff, s.slot & 0xff, status);
    for (let i = 0; i < s.code.length; i++) bytes.push(s.code.charCodeAt(i) & 0xff);
  }
  return bytes.length === 0 ? 0x0000 : crc16Ccitt(bytes);
}

/** CRC-16/AUG-CCITT as Z-Wave uses it (poly 0x1021, initial 0x1D0F, no reflection, no final XOR). */
export function crc16Ccitt(bytes: ArrayLike<number>, initial = 0x1d0f): number {
  let crc = initial;
  for (let i = 0; i < bytes.length; i++) {
    crc ^= (bytes[i] as number) << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function statusByte(s: ChecksumSlot): number {
  if (typeof s.status === 'number') return s.status;
  if (s.status === 'unknown') throw new Error(`Slot ${s.slot} has an unknown status: read it before computing a checksum`);
  return STATUS_BYTES[s.status];
}

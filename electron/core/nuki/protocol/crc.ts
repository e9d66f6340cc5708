/**
 * CRC-16/CCITT-FALSE as Nuki uses it: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR, stored
 * little-endian after the bytes it covers (nuki-ble.md §2). Check value: 0x29B1 for "123456789".
 */

/** The CRC-16/CCITT-FALSE of `data`. */
export function crc16(data: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of data) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** `data` followed by its CRC, little-endian (the last two bytes of every Nuki frame). */
export function appendCrc(data: Uint8Array): Uint8Array {
  const crc = crc16(data);
  const out = new Uint8Array(data.length + 2);
  out.set(data);
  out[data.length] = crc & 0xff;
  out[data.length + 1] = crc >>> 8;
  return out;
}

/** True when the last two bytes of `frame` are the little-endian CRC of the bytes before them. */
export function hasValidCrc(frame: Uint8Array): boolean {
  if (frame.length < 2) return false;
  const body = frame.subarray(0, frame.length - 2);
  const stored = (frame[frame.length - 2] as number) | ((frame[frame.length - 1] as number) << 8);
  return crc16(body) === stored;
}

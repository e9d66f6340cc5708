/**
 * The fake lock's own User Code Checksum, written from the Z-Wave spec independently of the production
 * `expectedUserCodeChecksum` it is used to check (a table-driven CRC-16/AUG-CCITT here, bit by bit there), so a bug
 * in one does not hide in the other: for each occupied slot in ascending order, user id (2 bytes big-endian), status
 * 0x01 (enabled), the code's ASCII bytes; 0x0000 for an empty lock.
 */
export function fakeLockChecksum(memory: ReadonlyMap<number, string>): number {
  const slots = [...memory.keys()].sort((a, b) => a - b);
  if (slots.length === 0) return 0;
  let crc = 0x1d0f;
  const feed = (byte: number) => {
    crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;
  };
  for (const slot of slots) {
    feed(slot >> 8);
    feed(slot & 0xff);
    feed(0x01);
    for (const ch of memory.get(slot)!) feed(ch.charCodeAt(0));
  }
  return crc;
}

const TABLE: number[] = Array.from({ length: 256 }, (_, n) => {
  let c = n << 8;
  for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
  return c;
});

import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes, hexToBytes as h } from './bytes';
import { encodeEncryptedFrame, encodePlainFrame } from './frames';
import { PDF_EXAMPLE as PDF } from './pdf-example';
import { createReassembler } from './reassembly';

/** Splits `bytes` into 20-byte indications. */
function chunks(bytes: Uint8Array, size = 20): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.slice(i, i + size));
  return out;
}

const key = h(PDF.sharedKey);

describe('reassembly', () => {
  it('joins the PDF Keyturner States reply from its 4 indications (30 + len)', () => {
    const r = createReassembler({ kind: 'encrypted' });
    const out = PDF.keyturnerStatesChunks.flatMap((c) => r.push(h(c)));
    expect(out.map(bytesToHex)).toEqual([PDF.keyturnerStatesChunks.join('')]);
    expect(r.pendingBytes).toBe(0);
  });

  it('joins the PDF Authorization-ID from its 5 indications, by known size and by CRC alone', () => {
    for (const frameSize of [undefined, () => undefined]) {
      const r = createReassembler({ kind: 'plain', frameSize });
      const out = PDF.authorizationIdChunks.flatMap((c) => r.push(h(c)));
      expect(out.map(bytesToHex)).toEqual([PDF.authorizationIdChunks.join('')]);
    }
  });

  it('joins the PDF Public Key from 2 indications', () => {
    const r = createReassembler({ kind: 'plain', frameSize: () => undefined });
    expect(r.push(h(PDF.lockPublicKeyChunks[0]))).toEqual([]);
    expect(r.push(h(PDF.lockPublicKeyChunks[1])).map(bytesToHex)).toEqual([PDF.lockPublicKeyChunks.join('')]);
  });

  it('splits two encrypted messages sent back to back, even inside one chunk', () => {
    const a = encodeEncryptedFrame({ commandId: 0x44, payload: h('0300') }, { key, authId: 2 });
    const b = encodeEncryptedFrame({ commandId: 0x45, payload: new Uint8Array(63) }, { key, authId: 2 });
    const r = createReassembler({ kind: 'encrypted' });
    const out = chunks(concatBytes(a, b)).flatMap((c) => r.push(c));
    expect(out).toEqual([a, b]);
  });

  it('splits two plain messages of known size back to back', () => {
    const status = h(PDF.statusCompleteMessage);
    const challenge = h(PDF.challenge2Message);
    const r = createReassembler({ kind: 'plain' });
    const out = chunks(concatBytes(challenge, status)).flatMap((c) => r.push(c));
    expect(out.map(bytesToHex)).toEqual([bytesToHex(challenge), bytesToHex(status)]);
  });

  it('takes back-to-back plain messages of unknown size when each starts a new indication', () => {
    const a = encodePlainFrame(0x0099, new Uint8Array(30).fill(1));
    const b = encodePlainFrame(0x0098, h('01'));
    const r = createReassembler({ kind: 'plain' });
    expect([...chunks(a), ...chunks(b)].flatMap((c) => r.push(c))).toEqual([a, b]);
  });

  it('waits while the header is incomplete and forgets a partial message on reset', () => {
    const r = createReassembler({ kind: 'encrypted' });
    expect(r.push(h(PDF.keyturnerStatesChunks[0]))).toEqual([]);
    expect(r.pendingBytes).toBe(20);
    r.reset();
    expect(r.pendingBytes).toBe(0);
  });

  it('drops garbage that claims to be too large', () => {
    const dropped: string[] = [];
    const r = createReassembler({ kind: 'encrypted', maxFrameBytes: 100, onDiscard: (_b, reason) => dropped.push(reason) });
    const header = new Uint8Array(30);
    header[28] = 0xff;
    expect(r.push(header)).toEqual([]);
    expect(dropped).toHaveLength(1);
    expect(r.pendingBytes).toBe(0);
    const crcOnly = createReassembler({ kind: 'plain', frameSize: () => undefined, maxFrameBytes: 30, onDiscard: (_b, reason) => dropped.push(reason) });
    crcOnly.push(new Uint8Array(20).fill(3));
    crcOnly.push(new Uint8Array(20).fill(3));
    expect(dropped).toHaveLength(2);
  });
});

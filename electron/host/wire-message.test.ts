import { describe, expect, it } from 'vitest';
import { eventFrame, isWireId, MAX_FRAME_BYTES, parseIncomingFrame, responseFrame } from './wire-message';

const frame = (value: unknown) => parseIncomingFrame(JSON.stringify(value), false);

describe('parseIncomingFrame', () => {
  it('accepts a request frame, from text or bytes', () => {
    const request = { kind: 'request', id: 4, channel: 'doors.list', payload: { siteId: 's' } };
    expect(frame(request)).toEqual(request);
    expect(parseIncomingFrame(Buffer.from(JSON.stringify(request)), false)).toEqual(request);
    expect(frame({ kind: 'request', id: 0, channel: 'app.info' })).toEqual({ kind: 'request', id: 0, channel: 'app.info', payload: undefined });
  });

  it('ignores frames without a usable id', () => {
    for (const data of ['', 'not json', 'null', '42', '"s"', '[]', '{}', '{"kind":"request","channel":"app.info"}']) {
      expect(parseIncomingFrame(data, false).kind, data).toBe('ignore');
    }
    for (const id of [-1, 1.5, '1', null, Number.MAX_SAFE_INTEGER + 2, Infinity, NaN]) {
      expect(frame({ kind: 'request', id, channel: 'app.info', payload: {} }).kind).toBe('ignore');
    }
    expect(parseIncomingFrame(Buffer.from('{"kind":"request","id":1}'), true)).toEqual({ kind: 'ignore', reason: 'binary frame' });
  });

  it('answers malformed frames whose id is known', () => {
    expect(frame({ kind: 'response', id: 1, result: {} })).toMatchObject({ kind: 'invalid', id: 1 });
    expect(frame({ kind: 'request', id: 2, channel: 5, payload: {} })).toMatchObject({ kind: 'invalid', id: 2 });
    expect(frame({ kind: 'request', id: 3, channel: 'app.info', payload: {}, extra: true })).toMatchObject({ kind: 'invalid', id: 3 });
  });

  it('ignores oversized frames and never echoes frame content', () => {
    const big = JSON.stringify({ kind: 'request', id: 1, channel: 'app.info', payload: 'x'.repeat(MAX_FRAME_BYTES) });
    expect(parseIncomingFrame(big, false)).toEqual({ kind: 'ignore', reason: 'frame too large' });
    const parsed = frame({ kind: 'request', id: 9, channel: 'codes.create', payload: {}, pin: '482913' });
    expect(JSON.stringify(parsed)).not.toContain('482913');
  });

  it('keeps a __proto__ key as data, without touching prototypes', () => {
    const parsed = parseIncomingFrame('{"kind":"request","id":1,"channel":"app.info","payload":{"__proto__":{"polluted":1}}}', false);
    expect(parsed.kind).toBe('request');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseIncomingFrame('{"__proto__":{"kind":"request"},"id":1,"channel":"x"}', false)).toMatchObject({ kind: 'invalid' });
  });
});

describe('frames out', () => {
  it('builds response and event frames', () => {
    expect(JSON.parse(responseFrame(3, { ok: true, value: 1 }))).toEqual({ kind: 'response', id: 3, result: { ok: true, value: 1 } });
    expect(JSON.parse(eventFrame('activity', { m: 1 }))).toEqual({ kind: 'event', channel: 'activity', payload: { m: 1 } });
    expect(isWireId(0)).toBe(true);
  });
});

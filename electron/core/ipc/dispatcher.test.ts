import { describe, expect, it } from 'vitest';
import { requestChannels, type RequestChannel } from '../../../shared/contract';
import { CodedError } from '../../../shared/result';
import { createDispatcher } from './dispatcher';
import { createFakeHandlers, fakeValues, minimalPayloads } from './dispatcher-fixtures';

const huge = 'x'.repeat(200_000);
/** Text fields meant to be large (a CSV file's text), with their limit: one character more is refused. */
const LARGE_TEXT: Record<string, number> = { 'bulk.importCsv.text': 2_000_000 };

/** Malformed payloads that no channel accepts. */
const generic: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['a string', 'door-1'],
  ['a boolean', true],
  ['an array', []],
  ['an array of the valid payload', [{}]],
  ['a __proto__ key', JSON.parse('{"__proto__":{"polluted":true}}')],
  ['a constructor.prototype key', JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')],
  ['an extra field', { unexpected: 1 }],
];

/** Malformed variants of one channel's minimal valid payload. */
function variants(channel: RequestChannel): Array<[string, unknown]> {
  const valid = minimalPayloads[channel] as Record<string, unknown>;
  const out: Array<[string, unknown]> = generic.map(([name, bad]) =>
    typeof bad === 'object' && bad !== null && !Array.isArray(bad)
      ? [`valid + ${name}`, { ...valid, ...bad }]
      : [name, bad],
  );
  out.push(['valid + __proto__ (JSON)', JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(valid).slice(1)}`.replace(',}', '}'))]);
  for (const key of Object.keys(valid)) {
    const { [key]: _dropped, ...missing } = valid;
    out.push([`missing ${key}`, missing]);
    const hugeFor = LARGE_TEXT[`${channel}.${key}`];
    for (const [what, wrong] of [['number', 7], ['null', null], ['array', ['a']], ['object', {}], ['huge string', hugeFor ? 'x'.repeat(hugeFor + 1) : huge]] as const) {
      if (typeof wrong === typeof valid[key] && what === 'number') continue; // e.g. a slot: 7 is a fine value
      if (Array.isArray(valid[key]) && what === 'array') continue; // e.g. door ids: ['a'] is a fine list
      out.push([`${key} as ${what}`, { ...valid, [key]: wrong }]);
    }
  }
  return out;
}

describe('createDispatcher', () => {
  it('answers every channel with its handler value', async () => {
    const dispatch = createDispatcher(createFakeHandlers());
    for (const channel of requestChannels) {
      expect(await dispatch(channel, minimalPayloads[channel])).toEqual({ ok: true, value: fakeValues[channel] });
    }
  });

  it('refuses unknown channels, including prototype names', async () => {
    const dispatch = createDispatcher(createFakeHandlers());
    for (const channel of ['nope', '__proto__', 'constructor', 'toString', 42, null, undefined, { a: 1 }, huge]) {
      const result = await dispatch(channel, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'ipc.unknown_channel' } });
      if (!result.ok) expect(result.error.message.length).toBeLessThan(200);
    }
  });

  describe.each(requestChannels)('%s', (channel) => {
    it('rejects malformed payloads with ipc.invalid_request and keeps working', async () => {
      const handlers = createFakeHandlers();
      const dispatch = createDispatcher(handlers);
      for (const [name, payload] of variants(channel)) {
        const result = await dispatch(channel, payload);
        expect(result.ok, `${channel} accepted ${name}`).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, name).toBe('ipc.invalid_request');
        expect(result.error.message).not.toContain('xxxxxxxxxx');
        expect(result.error.message.length).toBeLessThan(1_000);
      }
      expect(handlers.calls).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(await dispatch(channel, minimalPayloads[channel])).toMatchObject({ ok: true });
    });
  });

  it('names field paths and problems, never the values', async () => {
    const dispatch = createDispatcher(createFakeHandlers());
    const result = await dispatch('codes.create', { doorId: 5, code: '1234567890123', '9876': 1, note: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ipc.invalid_request');
    expect(result.error.message).toContain('doorId');
    expect(result.error.message).toContain('code');
    expect(result.error.message).toContain('"note"');
    expect(result.error.message).toContain('1 unnamed');
    expect(result.error.message).not.toContain('1234567890123');
    expect(result.error.message).not.toContain('9876');
  });

  it('refuses names that are not plain visible text on every named channel, naming the problem, before any handler runs', async () => {
    const handlers = createFakeHandlers();
    const dispatch = createDispatcher(handlers);
    const cases: Array<[RequestChannel, Record<string, unknown>, RegExp]> = [
      ['doors.rename', { doorId: 'door-1', name: 'Flat \u202e21' }, /text-direction override/],
      ['sites.update', { siteId: 'site-1', name: 'Site\nTwo' }, /control character/],
      ['sites.connect', { connection: { kind: 'demo' }, name: '\u200b\u200b' }, /only invisible/],
      ['codes.create', { doorId: 'door-1', name: 'Guest \ud800', code: '482913' }, /lone surrogate/],
      ['codes.adopt', { doorId: 'door-1', slot: 3, name: 'Owner\u2066' }, /text-direction override/],
    ];
    for (const [channel, payload, problem] of cases) {
      const result = await dispatch(channel, payload);
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'ipc.invalid_request', message: expect.stringMatching(problem) } });
    }
    expect(handlers.calls).toEqual([]);
  });

  it('passes a CodedError through with its code, message and details', async () => {
    const handlers = createFakeHandlers({
      'codes.create': async () => {
        throw new CodedError('codes.constraint_violated', 'PIN breaks the rule', { rule: 'no_zeros' });
      },
    });
    const result = await createDispatcher(handlers)('codes.create', { doorId: 'door-1', code: '1000' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'codes.constraint_violated', message: 'PIN breaks the rule', details: { rule: 'no_zeros' } },
    });
  });

  it('turns any other throw into ipc.internal, logging the stack but not the payload', async () => {
    const lines: string[] = [];
    const handlers = createFakeHandlers({
      'codes.create': async () => {
        throw new TypeError('boom in service');
      },
      'codes.list': (() => {
        throw 'a string';
      }) as never,
    });
    const dispatch = createDispatcher(handlers, (line) => lines.push(line));
    const result = await dispatch('codes.create', { doorId: 'door-1', code: '555123' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.internal' } });
    if (!result.ok) expect(result.error.message).not.toContain('boom');
    expect(await dispatch('codes.list', { doorId: 'door-1' })).toMatchObject({ ok: false, error: { code: 'ipc.internal' } });
    expect(lines.join('\n')).toContain('boom in service');
    expect(lines.join('\n')).toContain('dispatcher.test.ts');
    expect(lines.join('\n')).not.toContain('555123');
  });

  it('answers ipc.internal when a handler value breaks the contract (value check on)', async () => {
    const lines: string[] = [];
    const handlers = createFakeHandlers({ 'codes.generate': async () => ({ code: 1234 }) as never });
    const checked = createDispatcher(handlers, (line) => lines.push(line), { checkValues: true });
    expect(await checked('codes.generate', { doorId: 'door-1' })).toMatchObject({ ok: false, error: { code: 'ipc.internal' } });
    expect(lines.join('\n')).toContain('code');
    expect(lines.join('\n')).not.toContain('1234');
    const unchecked = createDispatcher(handlers, () => {}, { checkValues: false });
    expect(await unchecked('codes.generate', { doorId: 'door-1' })).toEqual({ ok: true, value: { code: 1234 } });
  });
});

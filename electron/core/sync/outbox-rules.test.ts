import { describe, expect, it } from 'vitest';
import type { AccessCode } from '../../../shared/domain/access-code';
import { sampleAccessCode } from '../../../shared/testing/samples';
import { createEmptySiteCodes } from '../store/store-v2-schema';
import { cloudChangeNeeded, fillOutbox } from './outbox-rules';
import { sameVersion } from '../../../shared/codes/code-version';
import { emptyCloudState } from '../records/code-records';

const at = new Date('2026-11-30T10:00:00Z');
let n = 0;
const ctx = (linked: boolean) => ({ deviceOf: () => (linked ? 'dev-1' : null), now: () => at, newId: () => `e${++n}` });
const linkedCode = (over: Partial<AccessCode> = {}): AccessCode =>
  sampleAccessCode({ name: 'Guest', code: '4829', status: 'set', cloud: { ...emptyCloudState('dev-1'), access_code_id: 'cloud-1', base: { name: 'Guest', code: '4829', starts_at: null, ends_at: null } }, ...over });

describe('cloudChangeNeeded', () => {
  it('asks a create for a code of a linked door the cloud does not have, nothing on an unlinked door', () => {
    expect(cloudChangeNeeded(sampleAccessCode(), true)).toBe('create');
    expect(cloudChangeNeeded(sampleAccessCode(), false)).toBeNull();
  });

  it('asks an update only when the laptop differs from the version both last agreed on', () => {
    expect(cloudChangeNeeded(linkedCode(), true)).toBeNull();
    expect(cloudChangeNeeded(linkedCode({ name: 'Guest Smith' }), true)).toBe('update');
  });

  it('asks no update while a conflict waits for the installer', () => {
    const code = linkedCode({ name: 'Laptop name' });
    code.cloud!.conflict = { cloud: { name: 'Cloud name', code: '4829', starts_at: null, ends_at: null }, seen_at: at.toISOString() };
    expect(cloudChangeNeeded(code, true)).toBeNull();
  });

  it('asks a delete for an ended code the cloud has, nothing once the cloud removed it itself', () => {
    expect(cloudChangeNeeded(linkedCode({ status: 'removing' }), true)).toBe('delete');
    const gone = linkedCode({ is_removed: true });
    gone.cloud!.removed_in_cloud = true;
    expect(cloudChangeNeeded(gone, true)).toBeNull();
    expect(cloudChangeNeeded(sampleAccessCode({ is_removed: true }), true)).toBeNull();
  });
});

describe('fillOutbox', () => {
  it('adds one entry per needed change and never a second while one is open', () => {
    const data = createEmptySiteCodes('s');
    const code = sampleAccessCode();
    data.accessCodes.push(code);
    fillOutbox(data, [{ before: null, after: code }], ctx(true));
    fillOutbox(data, [{ before: code, after: { ...code, name: 'renamed' } }], ctx(true));
    expect(data.outbox.map((e) => [e.kind, e.state])).toEqual([['create', 'pending']]);
  });

  it('withdraws a create never sent when the code ends first (nothing to delete in the cloud)', () => {
    const data = createEmptySiteCodes('s');
    const code = sampleAccessCode();
    fillOutbox(data, [{ before: null, after: code }], ctx(true));
    fillOutbox(data, [{ before: code, after: { ...code, is_removed: true } }], ctx(true));
    expect(data.outbox.map((e) => e.state)).toEqual(['done']);
  });

  it('keeps a create that was sent without an answer: it is looked up, then deleted', () => {
    const data = createEmptySiteCodes('s');
    const code = sampleAccessCode();
    fillOutbox(data, [{ before: null, after: code }], ctx(true));
    data.outbox[0]!.sent_at = at.toISOString();
    fillOutbox(data, [{ before: code, after: { ...code, is_removed: true } }], ctx(true));
    expect(data.outbox.map((e) => e.state)).toEqual(['pending']);
  });

  it('never echoes a pull: a change that moves the base with the name adds nothing', () => {
    const data = createEmptySiteCodes('s');
    const before = linkedCode();
    const after = linkedCode({ name: 'From the cloud' });
    after.cloud!.base = { ...after.cloud!.base!, name: 'From the cloud' };
    fillOutbox(data, [{ before, after }], ctx(true));
    expect(data.outbox).toEqual([]);
  });
});

describe('sameVersion', () => {
  it('compares instants as instants and lets a PIN the cloud hides agree', () => {
    const a = { name: 'x', code: '1234', starts_at: '2026-12-01T10:00:00Z', ends_at: '2026-12-02T10:00:00Z' };
    expect(sameVersion(a, { ...a, starts_at: '2026-12-01T10:00:00.000Z' })).toBe(true);
    expect(sameVersion(a, { ...a, code: '' })).toBe(true);
    expect(sameVersion(a, { ...a, code: '9999' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { AccessCode, CodeVersion } from '../../../shared/domain/access-code';
import { sampleAccessCode } from '../../../shared/testing/samples';
import { emptyCloudState } from '../records/code-records';
import { decidePull } from './pull-rules';

const base: CodeVersion = { name: 'Guest', code: '4829', starts_at: null, ends_at: null };
const linked = (over: Partial<AccessCode> = {}): AccessCode =>
  sampleAccessCode({ name: 'Guest', code: '4829', cloud: { ...emptyCloudState('dev-1'), access_code_id: 'c1', base }, ...over });

describe('decidePull', () => {
  it('sees nothing when the cloud did not change the code', () => {
    expect(decidePull(linked(), base)).toBe('none');
    expect(decidePull(linked({ name: 'Laptop only' }), base)).toBe('none');
  });

  it('takes a name changed only in the cloud', () => {
    expect(decidePull(linked(), { ...base, name: 'Cloud name' })).toBe('take_cloud');
  });

  it('calls a conflict when both sides changed it differently, agreement when they made the same change', () => {
    expect(decidePull(linked({ name: 'Laptop name' }), { ...base, name: 'Cloud name' })).toBe('conflict');
    expect(decidePull(linked({ name: 'Same' }), { ...base, name: 'Same' })).toBe('agree');
  });

  it('never takes a PIN or window change silently for a code Lockbench keeps on the lock', () => {
    expect(decidePull(linked(), { ...base, code: '7777' })).toBe('conflict');
    expect(decidePull(linked({ scheduled_by: 'cloud', type: 'time_bound' }), { ...base, code: '7777' })).toBe('take_cloud');
  });

  it('leaves a recorded conflict alone while the cloud still shows the same version', () => {
    const code = linked({ name: 'Laptop name' });
    code.cloud!.conflict = { cloud: { ...base, name: 'Cloud name' }, seen_at: '2026-11-30T10:00:00Z' };
    expect(decidePull(code, { ...base, name: 'Cloud name' })).toBe('none');
    expect(decidePull(code, { ...base, name: 'Cloud again' })).toBe('conflict');
  });
});

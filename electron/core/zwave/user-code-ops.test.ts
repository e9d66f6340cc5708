import { CommandClasses, SupervisionStatus } from '@zwave-js/core';
import { describe, expect, it } from 'vitest';
import type { ZWaveNode } from 'zwave-js';
import { clearUserCode, setUserCode } from './user-code-ops';

/** A lock node as zwave-js hands it over, reduced to what the user code commands touch. */
function lockNode(options: { supervised: boolean; answer: { status: SupervisionStatus } | undefined }): ZWaveNode {
  const reply = async () => options.answer;
  return {
    id: 7,
    status: 4, // alive
    getValue: () => 30,
    supportsCC: (cc: CommandClasses) => cc === CommandClasses.Supervision && options.supervised,
    commandClasses: { 'User Code': { set: reply, clear: reply } },
  } as unknown as ZWaveNode;
}

describe('user code Set and Clear: what counts as the lock’s answer', () => {
  it('takes a Supervision Report of success as done, and one of failure as refused', async () => {
    await expect(setUserCode(lockNode({ supervised: true, answer: { status: SupervisionStatus.Success } }), 3, '482913')).resolves.toBeUndefined();
    await expect(setUserCode(lockNode({ supervised: true, answer: { status: SupervisionStatus.Fail } }), 3, '482913')).rejects.toMatchObject({ code: 'lock.failed' });
  });

  it('takes no Supervision Report from a lock that sends them as no answer (it may or may not have the change), never as done', async () => {
    await expect(setUserCode(lockNode({ supervised: true, answer: undefined }), 3, '482913')).rejects.toMatchObject({ code: 'lock.no_answer' });
    await expect(clearUserCode(lockNode({ supervised: true, answer: undefined }), 3)).rejects.toMatchObject({ code: 'lock.no_answer' });
  });

  it('takes a Set to a lock without Supervision as sent (its read-back proves it)', async () => {
    await expect(setUserCode(lockNode({ supervised: false, answer: undefined }), 3, '482913')).resolves.toBeUndefined();
    await expect(clearUserCode(lockNode({ supervised: false, answer: undefined }), 3)).resolves.toBeUndefined();
  });
});

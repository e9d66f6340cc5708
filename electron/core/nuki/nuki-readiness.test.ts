import { describe, expect, it } from 'vitest';
import { startFirstContacts } from './nuki-readiness';

describe('startFirstContacts', () => {
  it('settles each lock as its own first contact ends; a silent one does not hold up the others', async () => {
    let answerB!: (ok: boolean) => void;
    const contacts: Record<string, Promise<boolean>> = {
      A: Promise.resolve(true),
      B: new Promise<boolean>((resolve) => (answerB = resolve)),
      C: Promise.reject(new Error('out of range')),
    };
    const progress: string[] = [];
    const readiness = startFirstContacts(['A', 'B', 'C'], (address) => contacts[address]!, (m) => progress.push(m));
    const seen: Array<[string, string]> = [];
    readiness.onSettled((address, how) => seen.push([address, how]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([
      ['A', 'ready'],
      ['C', 'not_answering'],
    ]);
    expect(readiness.settlement('B')).toBeNull();
    answerB(false);
    await readiness.allSettled();
    expect(readiness.settlement('B')).toBe('not_answering');
    expect(progress).toContain('Lock A: ready (1 of 3)');
  });

  it('is settled at once without locks, and dispose ends the wait', async () => {
    await startFirstContacts([], async () => true).allSettled();
    const readiness = startFirstContacts(['A'], () => new Promise<boolean>(() => undefined));
    readiness.dispose();
    await readiness.allSettled();
    expect(readiness.settlement('A')).toBeNull();
  });
});

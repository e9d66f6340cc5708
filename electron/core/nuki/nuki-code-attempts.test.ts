import { describe, expect, it } from 'vitest';
import { CodedError } from '../../../shared/result';
import type { AttemptGuard, CodePut } from '../ports/lock-port';
import type { NukiClient } from './client/nuki-client';
import { putKeypadCodes, removeKeypadCode, type CodeSession } from './nuki-code-attempts';
import type { KeypadCodeEntry, KeypadCodeUpdate, NewKeypadCode } from './protocol/keypad-codes-codec';

/**
 * The attempts against a hand-made keypad-code store standing in for the client: it keeps what it is sent and fails
 * when told, so each test says what the lock does. (The protocol itself is covered by the virtual-lock tests.)
 */
class FakeKeypad {
  codes: KeypadCodeEntry[] = [];
  nextId = 1;
  log: string[] = [];
  /** Failures for the next calls of each command, in order (null: succeed). */
  failNext: Partial<Record<'list' | 'add' | 'remove' | 'update', Array<Error | null>>> = {};
  /** Stored instead of what Add sent (a lock that keeps another name). */
  storeName: string | null = null;

  hold(code: string, name = 'Elsewhere'): number {
    const codeId = this.nextId++;
    this.codes.push({ codeId, code, name, enabled: true, schedule: null, dateCreated: null, dateLastActive: null, lockCount: 0 });
    return codeId;
  }

  #maybeFail(command: 'list' | 'add' | 'remove' | 'update'): void {
    this.log.push(command);
    const failure = this.failNext[command]?.shift();
    if (failure) throw failure;
  }

  client(): NukiClient {
    return {
      listKeypadCodes: async () => (this.#maybeFail('list'), structuredClone(this.codes)),
      addKeypadCode: async (code: NewKeypadCode) => {
        this.#maybeFail('add');
        const codeId = this.hold(code.code, this.storeName ?? code.name);
        this.codes.at(-1)!.schedule = code.schedule;
        return { codeId };
      },
      updateKeypadCode: async (entry: KeypadCodeUpdate) => {
        this.#maybeFail('update');
        const held = this.codes.find((c) => c.codeId === entry.codeId)!;
        Object.assign(held, { code: entry.code, name: this.storeName ?? entry.name, enabled: entry.enabled, schedule: entry.schedule });
      },
      removeKeypadCode: async (codeId: number) => {
        this.#maybeFail('remove');
        this.codes = this.codes.filter((c) => c.codeId !== codeId);
      },
    } as unknown as NukiClient;
  }
}

const lockError = (code: 'lock.duplicate_code' | 'lock.bad_security_pin' | 'lock.connection_lost' | 'lock.full' | 'lock.code_refused') =>
  new CodedError(code, `the lock said ${code}`);
const put = (key: string, pin: string, mayBeThere = false): CodePut => ({ key, slot: null, pin, name: `Guest ${key}`, window: null, mayBeThere });

function setup(onAir = true) {
  const keypad = new FakeKeypad();
  const listed: number[][] = [];
  const session: CodeSession = { client: keypad.client(), onListed: (entries) => listed.push(entries.map((e) => e.codeId)) };
  const asked: string[][] = [];
  const guard: AttemptGuard = { onAir: async (keys) => (asked.push([...keys]), onAir) };
  return { keypad, session, guard, asked, listed };
}

describe('putKeypadCodes', () => {
  it('adds fresh codes after one onAir and proves them with one list', async () => {
    const { keypad, session, guard, asked, listed } = setup();
    const outcomes = await putKeypadCodes(session, [put('a', '345678'), put('b', '456789')], guard);
    expect([...outcomes.values()]).toEqual([
      { kind: 'confirmed', proof: 'list', slot: 1 },
      { kind: 'confirmed', proof: 'list', slot: 2 },
    ]);
    expect(keypad.log).toEqual(['add', 'add', 'list']);
    expect(asked).toEqual([['a', 'b']]);
    expect(listed).toEqual([[1, 2]]);
  });

  it('sends nothing when the operations were withdrawn', async () => {
    const { keypad, session, guard } = setup(false);
    const outcomes = await putKeypadCodes(session, [put('a', '345678')], guard);
    expect(outcomes.get('a')).toMatchObject({ kind: 'transient', mayHaveReached: false });
    expect(keypad.log).toEqual([]);
  });

  it('lists first for a code that may be there, and takes one with its PIN as ours without onAir', async () => {
    const { keypad, session, guard, asked } = setup();
    const id = keypad.hold('345678', 'Guest a');
    const outcomes = await putKeypadCodes(session, [put('a', '345678', true)], guard);
    expect(outcomes.get('a')).toEqual({ kind: 'confirmed', proof: 'list', slot: id });
    expect(keypad.log).toEqual(['list']);
    expect(asked).toEqual([]);
  });

  it('waits (nothing sent) when the first list fails, and stops on a refused security PIN', async () => {
    const { keypad, session, guard } = setup();
    keypad.failNext.list = [lockError('lock.connection_lost'), lockError('lock.bad_security_pin')];
    const lost = await putKeypadCodes(session, [put('a', '345678', true)], guard);
    expect(lost.get('a')).toMatchObject({ kind: 'transient', mayHaveReached: false });
    const refused = await putKeypadCodes(session, [put('a', '345678', true)], guard);
    expect(refused.get('a')).toMatchObject({ kind: 'permanent', error: 'failed_to_set_on_device' });
  });

  it('stops the batch at a refused security PIN: the rest is not sent', async () => {
    const { keypad, session, guard } = setup();
    keypad.failNext.add = [lockError('lock.bad_security_pin')];
    const outcomes = await putKeypadCodes(session, [put('a', '345678'), put('b', '456789')], guard);
    expect(outcomes.get('a')).toMatchObject({ kind: 'permanent', error: 'failed_to_set_on_device', message: expect.stringMatching(/security PIN/) });
    expect(outcomes.get('b')).toEqual(outcomes.get('a'));
    expect(keypad.log).toEqual(['add']);
  });

  it('after a dropped link: the added code may be there, the failed one may have reached, the rest was not sent', async () => {
    const { keypad, session, guard } = setup();
    keypad.failNext.add = [null, lockError('lock.connection_lost')];
    const outcomes = await putKeypadCodes(session, [put('a', '345678'), put('b', '456789'), put('c', '567891')], guard);
    expect(outcomes.get('a')).toMatchObject({ kind: 'transient', mayHaveReached: true });
    expect(outcomes.get('b')).toMatchObject({ kind: 'transient', mayHaveReached: true });
    expect(outcomes.get('c')).toMatchObject({ kind: 'transient', mayHaveReached: false });
    expect(keypad.log).toEqual(['add', 'add']);
  });

  it('maps refusals to permanent outcomes and goes on with the batch; a full lock is not asked again', async () => {
    const { keypad, session, guard } = setup();
    keypad.failNext.add = [lockError('lock.duplicate_code'), lockError('lock.code_refused'), null, lockError('lock.full')];
    const outcomes = await putKeypadCodes(session, ['a', 'b', 'c', 'd', 'e'].map((k, i) => put(k, `${i + 3}45678`)), guard);
    expect(outcomes.get('a')).toMatchObject({ kind: 'permanent', error: 'duplicate_code_on_device' });
    expect(outcomes.get('b')).toMatchObject({ kind: 'permanent', error: 'code_constraints_violated' });
    expect(outcomes.get('c')).toEqual({ kind: 'confirmed', proof: 'list', slot: 1 });
    expect(outcomes.get('d')).toMatchObject({ kind: 'permanent', error: 'no_space_for_access_code_on_device' });
    expect(outcomes.get('e')).toEqual(outcomes.get('d'));
    expect(keypad.log).toEqual(['add', 'add', 'add', 'add', 'list']);
  });

  it('does not confirm a code the list shows with another name, nor one it does not show', async () => {
    const { keypad, session, guard } = setup();
    keypad.storeName = 'Renamed';
    const renamed = await putKeypadCodes(session, [put('a', '345678')], guard);
    expect(renamed.get('a')).toMatchObject({ kind: 'transient', mayHaveReached: true });
    keypad.storeName = null;
    keypad.failNext.list = [lockError('lock.connection_lost')];
    const unlisted = await putKeypadCodes(session, [put('b', '456789')], guard);
    expect(unlisted.get('b')).toMatchObject({ kind: 'transient', mayHaveReached: true });
  });

  it('sets our code back when someone changed it on the lock (renamed, disabled): Update Keypad Code, proven by the list', async () => {
    const { keypad, session, guard, asked } = setup();
    const codeId = keypad.hold('567891', 'Changed in the app');
    keypad.codes[0]!.enabled = false;
    const outcomes = await putKeypadCodes(session, [put('a', '567891', true)], guard);
    expect(outcomes.get('a')).toEqual({ kind: 'confirmed', proof: 'list', slot: codeId });
    expect(keypad.log).toEqual(['list', 'update', 'list']);
    expect(keypad.codes).toEqual([expect.objectContaining({ codeId, code: '567891', name: 'Guest a', enabled: true })]);
    expect(asked).toEqual([['a']]);
  });

  it('never updates a code with our PIN unless it may be ours: a fresh put meeting it is a duplicate', async () => {
    const { keypad, session, guard } = setup();
    keypad.hold('678912', 'Owner');
    const outcomes = await putKeypadCodes(session, [put('fresh', '678912'), put('mine', '789123', true)], guard);
    expect(outcomes.get('fresh')).toMatchObject({ kind: 'permanent', error: 'duplicate_code_on_device' });
    expect(keypad.codes.find((c) => c.code === '678912')).toMatchObject({ name: 'Owner' });
    expect(keypad.log).not.toContain('update');
  });

  it('refuses a 4-digit PIN without sending it', async () => {
    const { keypad, session, guard } = setup();
    const outcomes = await putKeypadCodes(session, [put('a', '3456')], guard);
    expect(outcomes.get('a')).toMatchObject({ kind: 'permanent', error: 'code_constraints_violated' });
    expect(keypad.codes).toEqual([]);
  });
});

describe('removeKeypadCode', () => {
  it('removes our code and proves it gone with a list', async () => {
    const { keypad, session, guard, asked } = setup();
    const id = keypad.hold('345678');
    expect(await removeKeypadCode(session, { key: 'r', slot: id, pin: '345678', wasScheduled: false }, guard)).toEqual({ kind: 'confirmed', proof: 'list' });
    expect(keypad.log).toEqual(['list', 'remove', 'list']);
    expect(asked).toEqual([['r']]);
  });

  it('leaves an id that holds another PIN alone', async () => {
    const { keypad, session, guard } = setup();
    const id = keypad.hold('999999');
    expect(await removeKeypadCode(session, { key: 'r', slot: id, pin: '345678', wasScheduled: false }, guard)).toEqual({ kind: 'confirmed', proof: null });
    expect(keypad.log).toEqual(['list']);
  });

  it('reads a removal whose answer was lost by the list after it', async () => {
    const { keypad, session, guard } = setup();
    const id = keypad.hold('345678');
    keypad.failNext.remove = [lockError('lock.connection_lost')];
    keypad.failNext.list = [null, lockError('lock.connection_lost')];
    const outcome = await removeKeypadCode(session, { key: 'r', slot: id, pin: '345678', wasScheduled: false }, guard);
    expect(outcome).toMatchObject({ kind: 'transient', mayHaveReached: true });
  });

  it('says the code is still there when the lock refused the removal and still lists it', async () => {
    const { keypad, session, guard } = setup();
    const id = keypad.hold('345678');
    keypad.failNext.remove = [new CodedError('lock.busy', 'busy')];
    const outcome = await removeKeypadCode(session, { key: 'r', slot: id, pin: '345678', wasScheduled: false }, guard);
    expect(outcome).toMatchObject({ kind: 'transient', mayHaveReached: false });
  });
});

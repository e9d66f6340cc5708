import { describeFailure } from '../ports/lock-failures';
import type { AttemptGuard, AttemptOutcome, CodePut, CodeRemoval } from '../ports/lock-port';
import type { NukiClient } from './client/nuki-client';
import { isEntryOfPut, newKeypadCodeFor } from './nuki-code-fields';
import { readListFailureForPut, readPutFailure, readRemovalFailure, unsentOutcome, type PutFailure } from './nuki-refusals';
import type { KeypadCodeEntry } from './protocol/keypad-codes-codec';

/*
 * Keypad-code attempts on one Nuki lock, inside one command session. A Nuki lock gives each code its id and keeps
 * each PIN once, so an Add never overwrites anything; a code is proven by listing the lock's codes.
 *
 *   put:     [list, when a put may already be there] ─▶ onAir ─▶ Add × n ─▶ list (proves the n)   = n + 1 commands
 *            (our code found there with another name, window or disabled — changed in the Nuki app — is set back to
 *            what Lockbench holds with Update Keypad Code, proven by the same list)
 *   removal: list ─▶ (ours? by id with our PIN, or by PIN) ─▶ onAir ─▶ Remove ─▶ list (proves it gone)
 */

/** One lock's session as the attempts need it: its client, and who keeps each list (the driver's picture). */
export interface CodeSession {
  client: NukiClient;
  onListed(entries: readonly KeypadCodeEntry[]): void;
}

const WITHDRAWN: AttemptOutcome = { kind: 'transient', message: 'the change was withdrawn before it was sent', mayHaveReached: false };
const DUPLICATE: AttemptOutcome = {
  kind: 'permanent',
  error: 'duplicate_code_on_device',
  message: 'The lock already holds this PIN under a code Lockbench did not add (a Nuki lock keeps each PIN once); choose another PIN.',
};

/** The wire carries a keypad code as a 6-digit number: nothing else can be sent. */
const SIX_DIGITS = /^\d{6}$/;
const NOT_SIX_DIGITS: AttemptOutcome = {
  kind: 'permanent',
  error: 'code_constraints_violated',
  message: 'A Nuki keypad code has exactly 6 digits; this one was not sent.',
};

async function listed(session: CodeSession): Promise<KeypadCodeEntry[]> {
  const entries = await session.client.listKeypadCodes();
  session.onListed(entries);
  return entries;
}

/**
 * Puts codes on the lock and proves them with one list. A put that may already be there is looked for first: a code
 * with its PIN counts as ours (the lock refuses a second one anyway). Never throws.
 */
export async function putKeypadCodes(session: CodeSession, all: readonly CodePut[], guard: AttemptGuard): Promise<Map<string, AttemptOutcome>> {
  const outcomes = new Map<string, AttemptOutcome>();
  for (const put of all) if (!SIX_DIGITS.test(put.pin)) outcomes.set(put.key, NOT_SIX_DIGITS);
  const puts = all.filter((p) => !outcomes.has(p.key));
  let toAdd = [...puts];
  /** Our codes found on the lock changed by someone else: their ids, to set back with Update Keypad Code. */
  const toUpdate = new Map<string, number>();
  if (puts.some((p) => p.mayBeThere)) {
    let before: KeypadCodeEntry[];
    try {
      before = await listed(session);
    } catch (error) {
      const outcome = readListFailureForPut(error);
      return new Map(puts.map((p) => [p.key, outcome]));
    }
    toAdd = [];
    for (const put of puts) {
      const held = before.find((e) => e.code === put.pin);
      if (held && put.mayBeThere && isEntryOfPut(held, put)) outcomes.set(put.key, { kind: 'confirmed', proof: 'list', slot: held.codeId });
      else if (held && put.mayBeThere) toUpdate.set(put.key, held.codeId);
      else if (held) outcomes.set(put.key, DUPLICATE);
      else toAdd.push(put);
    }
  }
  const sending = puts.filter((p) => toUpdate.has(p.key) || toAdd.includes(p));
  if (sending.length === 0) return outcomes;
  if (!(await guard.onAir(sending.map((p) => p.key)))) {
    for (const put of sending) outcomes.set(put.key, WITHDRAWN);
    return outcomes;
  }
  const { added, stop } = await addEach(session, toAdd, outcomes);
  const restored = await updateEach(session, puts.filter((p) => toUpdate.has(p.key)), toUpdate, outcomes, stop);
  for (const [key, codeId] of restored) added.set(key, codeId);
  if (added.size === 0) return outcomes;
  const unproven = (message: string): AttemptOutcome => ({ kind: 'transient', message, mayHaveReached: true });
  let after: KeypadCodeEntry[] | null = null;
  let listFailure = 'the link dropped before the lock listed its codes';
  if (stop?.effect !== 'stop_transient') {
    try {
      after = await listed(session);
    } catch (error) {
      listFailure = `the lock did not list its codes (${describeFailure(error).message})`;
    }
  }
  for (const put of sending) {
    const codeId = added.get(put.key);
    if (codeId === undefined) continue;
    outcomes.set(put.key, after ? proveAdded(after, put, codeId) : unproven(`the lock took the code but ${listFailure}`));
  }
  return outcomes;
}

/** Sends Add Keypad Code for each put until a failure stops the batch; returns the ids the lock gave. */
async function addEach(
  session: CodeSession,
  puts: readonly CodePut[],
  outcomes: Map<string, AttemptOutcome>,
): Promise<{ added: Map<string, number>; stop: PutFailure | null }> {
  const added = new Map<string, number>();
  let stop: PutFailure | null = null;
  for (const put of puts) {
    if (stop) {
      outcomes.set(put.key, unsentOutcome(stop.effect, stop.outcome));
      continue;
    }
    try {
      added.set(put.key, (await session.client.addKeypadCode(newKeypadCodeFor(put))).codeId);
    } catch (error) {
      const failure = readPutFailure(error);
      outcomes.set(put.key, failure.outcome);
      if (failure.effect !== 'continue') stop = failure;
    }
  }
  return { added, stop };
}

/** Sets our codes back to what Lockbench holds (name, window, enabled); returns the ids it sent an update for. */
async function updateEach(
  session: CodeSession,
  puts: readonly CodePut[],
  ids: ReadonlyMap<string, number>,
  outcomes: Map<string, AttemptOutcome>,
  stopped: PutFailure | null,
): Promise<Map<string, number>> {
  const updated = new Map<string, number>();
  let stop = stopped;
  for (const put of puts) {
    if (stop) {
      outcomes.set(put.key, unsentOutcome(stop.effect, stop.outcome));
      continue;
    }
    const codeId = ids.get(put.key)!;
    try {
      await session.client.updateKeypadCode({ ...newKeypadCodeFor(put), codeId, enabled: true });
      updated.set(put.key, codeId);
    } catch (error) {
      const failure = readPutFailure(error);
      outcomes.set(put.key, failure.outcome);
      if (failure.effect !== 'continue') stop = failure;
    }
  }
  return updated;
}

/** Judges an added code by the list: there under its id with its PIN, name and dates. */
function proveAdded(entries: readonly KeypadCodeEntry[], put: CodePut, codeId: number): AttemptOutcome {
  const entry = entries.find((e) => e.codeId === codeId);
  if (entry && isEntryOfPut(entry, put)) return { kind: 'confirmed', proof: 'list', slot: codeId };
  const message =
    entry?.code === put.pin ? 'the lock lists the code with another name or dates' : 'the lock gave the code an id but does not list it';
  // Listed first on the next attempt: a code with our PIN is then taken as ours.
  return { kind: 'transient', message, mayHaveReached: true };
}

/**
 * Takes one of our codes off the lock: found by its id holding our PIN (or by our PIN when the id was never known),
 * removed, and proven gone by a list. A code that is not there needs nothing; an id that now holds another PIN is
 * somebody else's code and is left alone. Never throws.
 */
export async function removeKeypadCode(session: CodeSession, removal: CodeRemoval, guard: AttemptGuard): Promise<AttemptOutcome> {
  let before: KeypadCodeEntry[];
  try {
    before = await listed(session);
  } catch (error) {
    return readRemovalFailure(error, false);
  }
  const target = removal.slot !== null ? before.find((e) => e.codeId === removal.slot) : before.find((e) => e.code === removal.pin);
  if (!target || target.code !== removal.pin) return { kind: 'confirmed', proof: null };
  if (!(await guard.onAir([removal.key]))) return WITHDRAWN;
  let failure: unknown = null;
  try {
    await session.client.removeKeypadCode(target.codeId);
  } catch (error) {
    failure = error;
  }
  let after: KeypadCodeEntry[];
  try {
    after = await listed(session);
  } catch (error) {
    return readRemovalFailure(failure ?? error, true);
  }
  if (!after.some((e) => e.codeId === target.codeId)) return { kind: 'confirmed', proof: 'list' };
  if (failure) {
    const outcome = readRemovalFailure(failure, true);
    return outcome.kind === 'transient' ? { ...outcome, mayHaveReached: false } : outcome; // the list shows it did not
  }
  return { kind: 'transient', message: 'the lock still lists the code', mayHaveReached: false };
}

import { describe, expect, it } from 'vitest';
import type { BulkPlan, BulkPreview, BulkPreviewDoor, BulkRunView, CsvImport } from '../../../../shared/domain/bulk';
import { BulkWizard } from './bulk-wizard.svelte';
import { FakeBridge } from '../testing/fake-bridge';
import { sampleDoor } from '../testing/sample-data';

const doors = [
  sampleDoor({ id: 'd-entrance', name: 'Entrance', group: 'common', floor: 'G' }),
  sampleDoor({ id: 'd-bikes', name: 'Bike store', group: 'common', floor: '-1' }),
  sampleDoor({ id: 'd-101', name: 'Flat 1.01', group: 'flat', floor: '1', unit: '1.01' }),
  sampleDoor({ id: 'd-102', name: 'Flat 1.02', group: 'flat', floor: '1', unit: '1.02' }),
  sampleDoor({ id: 'd-201', name: 'Flat 2.01', group: 'flat', floor: '2', unit: '2.01' }),
  sampleDoor({ id: 'd-plant', name: 'Plant room', group: 'service', floor: '-1' }),
];

function previewDoor(over: Partial<BulkPreviewDoor> = {}): BulkPreviewDoor {
  return { door_id: 'd-entrance', door_name: 'Entrance', protocol: 'zwave', is_connected: true, free_places: 20, lines: [], notes: [], ...over };
}

const line = (input: number, verdict: BulkPreviewDoor['lines'][number]['verdict']) => ({
  input,
  name: 'Cleaner',
  verdict,
  message: verdict === 'ready' ? null : 'why',
  scheduled_by: null,
  starts_at: null,
  ends_at: null,
});

function runView(over: Partial<BulkRunView> = {}): BulkRunView {
  const counts = { total: 2, done: 0, later: 0, waiting: 2, running: 0, failed: 0, cancelled: 0 };
  return {
    run_id: 'run-1',
    site_id: 'site-1',
    created_at: '2026-01-01T10:00:00.000Z',
    updated_at: '2026-01-01T10:00:00.000Z',
    state: 'running',
    door_ids: ['d-entrance', 'd-bikes'],
    skipped: [],
    phase: 'running',
    totals: counts,
    progress: 0,
    eta_seconds: 40,
    eta_basis: 'estimated',
    doors: [{ door_id: 'd-entrance', door_name: 'Entrance', ...counts, total: 1, waiting: 1, failures: [] }],
    ...over,
  };
}

const ready: BulkPreview = {
  pins: ['4821'],
  doors: [previewDoor({ lines: [line(0, 'ready')] }), previewDoor({ door_id: 'd-bikes', door_name: 'Bike store', lines: [line(0, 'duplicate')] })],
  totals: { ready: 1, not_ready: 1 },
};

function setup() {
  const bridge = new FakeBridge().answer('bulk.preview', ready).answer('bulk.start', runView()).answer('bulk.runs', []);
  const wizard = new BulkWizard(bridge, 'site-1', () => doors);
  return { bridge, wizard };
}

/** A wizard on the preview step: the two common doors and one cleaner's code. */
async function onPreview() {
  const made = setup();
  made.wizard.doors.group = 'common';
  made.wizard.doors.chooseShown();
  await made.wizard.next();
  Object.assign(made.wizard.codes.one, { name: 'Cleaner', pin: '4821' });
  await made.wizard.next();
  return made;
}

describe('BulkWizard: doors', () => {
  it('narrows the doors by group and floor and chooses all shown, keeping choices the filter hides', () => {
    const { wizard } = setup();
    const choice = wizard.doors;
    expect(wizard.canAdvance).toBe(false);
    expect(choice.groups).toEqual({ common: 2, flat: 3, service: 1, none: 0 });
    expect(choice.floors.map((f) => f.floor)).toEqual(['-1', 'G', '1', '2']);

    choice.group = 'flat';
    choice.floor = '1';
    expect(choice.shown.map((d) => d.id)).toEqual(['d-101', 'd-102']);
    choice.chooseShown();
    choice.group = 'all';
    choice.floor = '-1';
    expect(choice.shown.map((d) => d.id)).toEqual(['d-bikes', 'd-plant']);
    choice.toggle('d-plant');
    expect(choice.chosen.map((d) => d.id)).toEqual(['d-101', 'd-102', 'd-plant']);
    expect(choice.chosenHidden).toBe(2);
    expect(choice.allShownChosen).toBe(false);

    choice.clearShown();
    expect(choice.chosen.map((d) => d.id)).toEqual(['d-101', 'd-102']);
    expect(wizard.canAdvance).toBe(true);
  });
});

describe('BulkWizard: codes', () => {
  it('builds the plan from one code on every chosen door, generated PIN and window included', async () => {
    const { wizard } = setup();
    wizard.doors.toggle('d-entrance');
    wizard.doors.toggle('d-plant');
    await wizard.next();
    expect(wizard.step).toBe('codes');
    Object.assign(wizard.codes.one, { name: ' Master ', pin: '12ab' });
    expect(wizard.codes.problems[wizard.codes.one.key]).toEqual(['A PIN has digits only: keypads take nothing else.']);
    expect(wizard.canAdvance).toBe(false);

    Object.assign(wizard.codes.one, { generate: true, kind: 'time_bound', startDate: '2026-12-24', startTime: '15:00', endDate: '2026-12-24', endTime: '14:00' });
    expect(wizard.codes.problems[wizard.codes.one.key]).toEqual(['The end must be after the start.']);
    wizard.codes.one.endDate = '2026-12-27';
    expect(wizard.plan).toEqual({
      siteId: 'site-1',
      doorIds: ['d-entrance', 'd-plant'],
      codes: [{ name: 'Master', pin: null, unit: null, window: { starts: { date: '2026-12-24', time: '15:00' }, ends: { date: '2026-12-27', time: '14:00' } } }],
      confirmLockbenchScheduling: false,
    });
  });

  it('takes a set of staff codes: rows added and removed, the same PIN twice refused', async () => {
    const { wizard } = setup();
    wizard.doors.toggle('d-entrance');
    await wizard.next();
    const codes = wizard.codes;
    codes.mode = 'staff';
    Object.assign(codes.staff[0]!, { name: 'Cleaner', pin: '4821' });
    const second = codes.addStaffRow()!;
    const third = codes.addStaffRow()!;
    Object.assign(codes.staff[1]!, { name: 'Caretaker', pin: '4821' });
    Object.assign(codes.staff[2]!, { name: 'Gardener', generate: true });
    expect(codes.problems[second]).toEqual(['Same PIN as code 1: a PIN can be on a lock only once.']);
    expect(wizard.canAdvance).toBe(false);

    codes.removeStaffRow(second);
    expect(codes.staff.map((d) => d.key)).toEqual([codes.staff[0]!.key, third]);
    expect(wizard.plan?.codes.map((c) => [c.name, c.pin])).toEqual([
      ['Cleaner', '4821'],
      ['Gardener', null],
    ]);
  });

  it('reads a CSV (windows-1252 bytes), keeps its good rows beside every refused one, and sends its units', async () => {
    const { bridge, wizard } = setup();
    const read: CsvImport = {
      codes: [
        { name: 'Müller', pin: '4821', unit: '1.01', window: null },
        { name: 'Ng', pin: null, unit: '2.01', window: null },
      ],
      lines: [2, 4],
      problems: [{ line: 3, reason: 'the PIN has letters: keypads take digits only' }],
    };
    bridge.handle('bulk.importCsv', () => ({ ok: true, value: read }));
    wizard.doors.group = 'flat';
    wizard.doors.floor = '1';
    wizard.doors.chooseShown();
    await wizard.next();
    wizard.codes.mode = 'csv';
    expect(wizard.codes.blocker).toBe('Pick a CSV file of codes.');

    const bytes = Uint8Array.from([...'unit;name;pin\n1.01;M'].map((c) => c.charCodeAt(0)).concat([0xfc], [...'ller;4821'].map((c) => c.charCodeAt(0))));
    expect(await wizard.codes.importFile('residents.csv', bytes)).toBe(true);
    expect(bridge.sent('bulk.importCsv')).toEqual([{ siteId: 'site-1', text: 'unit;name;pin\n1.01;Müller;4821' }]);
    expect(wizard.codes.csv?.read.problems).toEqual(read.problems);
    expect(wizard.plan?.codes).toEqual(read.codes);
    expect(wizard.plan?.doorIds).toEqual(['d-101', 'd-102']);
    expect(wizard.unitsWithoutDoor).toEqual(['2.01']);

    bridge.refuse('bulk.importCsv', 'csv.unreadable');
    expect(await wizard.codes.importFile('other.csv', new Uint8Array([0x61]))).toBe(false);
    expect(wizard.codes.csvError).toMatchObject({ fileName: 'other.csv', error: { code: 'csv.unreadable' } });
    expect(wizard.codes.csv?.fileName).toBe('residents.csv');
    expect(wizard.canAdvance).toBe(true);
  });

  it('keeps what was typed in every way when going back and forth', async () => {
    const { wizard } = await onPreview();
    wizard.back();
    wizard.codes.mode = 'staff';
    wizard.codes.staff[0]!.name = 'Caretaker';
    wizard.back();
    expect(wizard.step).toBe('doors');
    await wizard.next();
    expect([wizard.codes.mode, wizard.codes.staff[0]!.name]).toEqual(['staff', 'Caretaker']);
    wizard.codes.mode = 'one';
    expect([wizard.codes.one.name, wizard.codes.one.pin]).toEqual(['Cleaner', '4821']);
    expect(wizard.doors.chosen.map((d) => d.id)).toEqual(['d-entrance', 'd-bikes']);
  });
});

describe('BulkWizard: preview', () => {
  it('previews the plan; Start needs a ready line', async () => {
    const { bridge, wizard } = await onPreview();
    expect(wizard.step).toBe('preview');
    expect(bridge.sent('bulk.preview')).toEqual([
      { siteId: 'site-1', doorIds: ['d-entrance', 'd-bikes'], codes: [{ name: 'Cleaner', pin: '4821', unit: null, window: null }], confirmLockbenchScheduling: false },
    ]);
    expect(wizard.preview).toEqual(ready);
    expect(wizard.canStart).toBe(true);

    bridge.answer('bulk.preview', { ...ready, doors: [previewDoor({ lines: [line(0, 'no_room')] })], totals: { ready: 0, not_ready: 1 } });
    await wizard.refreshPreview();
    expect(wizard.canStart).toBe(false);
  });

  it('asks for the Lockbench scheduling OK and previews again with it', async () => {
    const { bridge, wizard } = await onPreview();
    bridge.answer('bulk.preview', { ...ready, doors: [previewDoor({ lines: [line(0, 'needs_confirmation')] })], totals: { ready: 0, not_ready: 1 } });
    await wizard.refreshPreview();
    expect([wizard.asksConfirmation, wizard.canStart]).toEqual([true, false]);

    bridge.answer('bulk.preview', ready);
    await wizard.confirmScheduling(true);
    expect((bridge.sent('bulk.preview').at(-1) as BulkPlan).confirmLockbenchScheduling).toBe(true);
    expect([wizard.asksConfirmation, wizard.canStart]).toEqual([true, true]);
  });

  it('keeps everything when the preview fails, and counts only the latest answer', async () => {
    const { bridge, wizard } = await onPreview();
    bridge.refuse('bulk.preview', 'site.not_found');
    await wizard.refreshPreview();
    expect(wizard.previewError).toMatchObject({ code: 'site.not_found' });
    expect([wizard.preview, wizard.canStart, wizard.codes.one.name]).toEqual([null, false, 'Cleaner']);

    let answer: (v: BulkPreview) => void = () => {};
    bridge.handle('bulk.preview', () => new Promise((resolve) => (answer = (value) => resolve({ ok: true, value }))));
    const slow = wizard.refreshPreview();
    wizard.back();
    answer(ready);
    await slow;
    expect([wizard.step, wizard.preview, wizard.isPreviewing]).toEqual(['codes', null, false]);
  });
});

describe('BulkWizard: run', () => {
  it('starts the previewed plan with its PINs; a refusal stays on the preview', async () => {
    const { bridge, wizard } = await onPreview();
    bridge.refuse('bulk.start', 'bulk.nothing_to_do');
    expect(await wizard.start()).toBe(false);
    expect([wizard.step, wizard.startError?.code]).toEqual(['preview', 'bulk.nothing_to_do']);

    bridge.answer('bulk.start', runView());
    await wizard.next();
    expect(bridge.sent('bulk.start').at(-1)).toEqual({ plan: bridge.sent('bulk.preview')[0], pins: ['4821'] });
    expect([wizard.step, wizard.run.run?.run_id]).toEqual(['run', 'run-1']);
  });

  it('follows bulk.changed for its run only, newest first, then shows the summary', async () => {
    const { bridge, wizard } = await onPreview();
    wizard.run.listen();
    // An event that overtook the start's answer counts.
    bridge.emit('bulk.changed', runView({ updated_at: '2026-01-01T10:00:01.000Z', progress: 0.5 }));
    await wizard.start();
    expect(wizard.run.run?.progress).toBe(0.5);

    bridge.emit('bulk.changed', runView({ run_id: 'run-other', progress: 0.9, updated_at: '2026-01-01T10:00:09.000Z' }));
    bridge.emit('bulk.changed', runView({ site_id: 'site-2', progress: 0.9, updated_at: '2026-01-01T10:00:09.000Z' }));
    bridge.emit('bulk.changed', runView({ progress: 0.1 }));
    expect(wizard.run.run?.progress).toBe(0.5);

    bridge.emit('bulk.changed', runView({ updated_at: '2026-01-01T10:00:05.000Z', phase: 'finished', progress: 1 }));
    expect([wizard.step, wizard.shownStep]).toEqual(['run', 'summary']);
  });

  it('pauses, resumes, cancels after a confirmation, and retries the failed', async () => {
    const { bridge, wizard } = await onPreview();
    await wizard.start();
    bridge.handle('bulk.control', ({ action }) => {
      const phase = action === 'pause' ? 'paused' : action === 'cancel' ? 'cancelled' : 'running';
      return { ok: true, value: runView({ phase, state: phase, updated_at: `2026-01-01T10:00:0${bridge.sent('bulk.control').length}.000Z` }) };
    });

    await wizard.run.pause();
    expect([wizard.run.run?.phase, wizard.run.canResume, wizard.run.canPause]).toEqual(['paused', true, false]);
    await wizard.run.resume();
    expect(wizard.run.run?.phase).toBe('running');

    expect(await wizard.run.cancel()).toBe(false);
    wizard.run.askCancel();
    expect(wizard.run.isConfirmingCancel).toBe(true);
    wizard.run.keepGoing();
    wizard.run.askCancel();
    expect(await wizard.run.cancel()).toBe(true);
    expect([wizard.shownStep, wizard.run.canRetry, wizard.run.isConfirmingCancel]).toEqual(['summary', false, false]);
    expect(bridge.sent('bulk.control')).toEqual([
      { runId: 'run-1', action: 'pause' },
      { runId: 'run-1', action: 'resume' },
      { runId: 'run-1', action: 'cancel' },
    ]);

    const failure = { access_code_id: 'c1', code_name: 'Cleaner', operation_id: 'op-1', message: 'The lock is not answering' };
    const doorsView = [{ door_id: 'd-entrance', door_name: 'Entrance', total: 1, done: 0, later: 0, waiting: 0, running: 0, failed: 1, cancelled: 0, failures: [failure] }];
    bridge.emit('bulk.changed', runView({ phase: 'finished', updated_at: '2026-01-01T10:00:08.000Z', totals: { ...runView().totals, waiting: 0, failed: 1 }, doors: doorsView }));
    expect(wizard.run.canRetry).toBe(true);
    bridge.answer('bulk.control', runView({ updated_at: '2026-01-01T10:00:09.000Z' }));
    await wizard.run.retryFailed();
    expect(bridge.sent('bulk.control').at(-1)).toEqual({ runId: 'run-1', action: 'retry_failed' });
    expect(wizard.shownStep).toBe('run');
  });

  it('keeps a refused control beside the buttons', async () => {
    const { bridge, wizard } = await onPreview();
    await wizard.start();
    bridge.refuse('bulk.control', 'bulk.not_allowed');
    expect(await wizard.run.pause()).toBe(false);
    expect([wizard.run.controlError?.code, wizard.run.run?.phase]).toEqual(['bulk.not_allowed', 'running']);
  });

  it('shows a run still going when it opens, and stops listening when disposed', async () => {
    const { bridge, wizard } = setup();
    bridge.answer('bulk.runs', [runView({ run_id: 'run-new', phase: 'paused', state: 'paused' }), runView({ run_id: 'run-old', phase: 'finished' })]);
    await wizard.open();
    expect([wizard.step, wizard.run.run?.run_id]).toEqual(['run', 'run-new']);
    expect(bridge.listenerCount('bulk.changed')).toBe(1);
    wizard.dispose();
    expect(bridge.listenerCount('bulk.changed')).toBe(0);

    const fresh = setup();
    fresh.bridge.answer('bulk.runs', [runView({ phase: 'finished' })]);
    await fresh.wizard.open();
    expect(fresh.wizard.step).toBe('doors');
  });

  it('names the doors of a run, and starts over keeping the choices', async () => {
    const { wizard } = await onPreview();
    await wizard.start();
    expect([wizard.doorName('d-entrance'), wizard.doorName('d-plant'), wizard.doorName('gone')]).toEqual(['Entrance', 'Plant room', 'A door']);
    wizard.startOver();
    expect([wizard.step, wizard.run.run, wizard.doors.chosen.length, wizard.codes.one.pin]).toEqual(['doors', null, 2, '4821']);
  });
});

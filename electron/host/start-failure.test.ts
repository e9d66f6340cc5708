import { describe, expect, it } from 'vitest';
import { CodedError } from '../../shared/result';
import { CliUsageError } from './cli-options';
import { describeStartFailure, EXIT_FOLDER_IN_USE } from './start-failure';

describe('the browser host failing to start', () => {
  it('prints one line naming who holds the data folder and exits non-zero (3)', () => {
    const locked = new CodedError('store.locked', 'The data folder /d is in use by the Lockbench desktop app (process 4242, since 2026-11-03T10:00:00.000Z).');
    const failure = describeStartFailure(locked);
    expect(failure.exitCode).toBe(EXIT_FOLDER_IN_USE);
    expect(failure.text.split('\n')).toEqual(['Lockbench could not start: The data folder /d is in use by the Lockbench desktop app (process 4242, since 2026-11-03T10:00:00.000Z).']);
  });

  it('prints one line for a missing key, the usage for a bad command line, and a stack for anything else', () => {
    expect(describeStartFailure(new CodedError('secrets.unavailable', 'The key file is missing.'))).toEqual({ text: 'Lockbench could not start: The key file is missing.', exitCode: 1 });
    expect(describeStartFailure(new CliUsageError('Unknown option "--x".'))).toMatchObject({ exitCode: 2, text: expect.stringContaining('Usage:') });
    expect(describeStartFailure(new Error('boom')).text).toContain('at ');
  });
});

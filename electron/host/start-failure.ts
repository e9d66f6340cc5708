import { isCodedError } from '../../shared/result';
import { CliUsageError, USAGE } from './cli-options';

/** Exit code of the browser host when another Lockbench holds the data folder (`store.locked`). */
export const EXIT_FOLDER_IN_USE = 3;

/**
 * What the browser host prints (stderr) and its exit code when it cannot start: a bad command line gets the usage
 * (exit 2); a refusal that says what to do — another Lockbench holds the folder (`store.locked`, exit 3), the key is
 * missing (`secrets.unavailable`) — gets exactly one line; anything else its stack, for a bug report.
 */
export function describeStartFailure(error: unknown): { text: string; exitCode: number } {
  if (error instanceof CliUsageError) return { text: `${error.message}\n${USAGE}`, exitCode: 2 };
  if (isCodedError(error)) {
    return { text: `Lockbench could not start: ${error.message.replace(/\s*\n\s*/g, ' ')}`, exitCode: error.code === 'store.locked' ? EXIT_FOLDER_IN_USE : 1 };
  }
  return { text: `Lockbench could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, exitCode: 1 };
}

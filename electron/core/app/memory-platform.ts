import { httpsLinkOf } from '../../../shared/links/https-link';
import { redactLogLine } from '../../../shared/logging/redact';
import type { AppLog, PlatformPort } from '../ports/platform-port';
import type { SecretVault } from '../secrets/secret-vault';
import { processMemoryVault } from './open-private-data';

/**
 * The platform when none is given (tests, benchmarks): the data key lives in this process's memory (a folder it
 * sealed opens again only in the same process), redacted log lines go to stderr and are kept for `files()`, a file
 * to save is handed back for download, and the computer never sleeps.
 */
export function createMemoryPlatform(options: { secrets?: SecretVault; write?: (line: string) => void } = {}): PlatformPort {
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const lines: string[] = [];
  const at = (level: string) => (line: string) => {
    const redacted = `[lockbench] ${level === 'info' ? '' : `${level}: `}${redactLogLine(line)}`;
    lines.push(redacted);
    if (lines.length > 2000) lines.shift();
    write(redacted);
  };
  const log: AppLog = { info: at('info'), warn: at('warn'), error: at('error'), files: async () => [{ name: 'lockbench.log', text: lines.join('\n') }] };
  return {
    secrets: options.secrets ?? processMemoryVault(),
    log,
    saveFile: async (file) => ({ outcome: 'download', file }),
    onResume: () => () => {},
    openLink: async (url) => {
      httpsLinkOf(url);
      return 'in_page';
    },
    crashDumps: async () => [],
  };
}

import type { NukiClient } from './client/nuki-client';
import { COMPLETION_STATUS, KEYPAD_SOURCE, LOG_ENTRY_TYPE, type LogEntry } from './protocol/log-codec';

/**
 * Keypad uses from a Nuki lock's log (nuki-ble.md §4 "Log entries"): a keypad entry (type 0x05) typed as a code
 * (source 1) that opened (completion 0x00) names the code's id. Each lock's log is read from the last index seen, so
 * no entry is reported twice while Lockbench runs. With no index yet (a first contact), only the newest page is read:
 * a real lock keeps about 1000 entries, and paging through all of them over Bluetooth at every start would cost
 * twenty commands for uses long past.
 *
 *   no index: Request Log Entries(newest PAGE) ─────────────────────────────────┐
 *   index:    Request Log Entries(after lastIndex, PAGE) ─▶ … until a short page ─┴▶ keypad successes ─▶ onUse(…)
 */

/** One door opened with a keypad code. */
export interface KeypadUse {
  codeId: number;
  /** When the lock logged it (its clock, UTC). */
  at: Date;
}

/** The code use a log entry records, or null for any other entry. */
export function keypadUseOf(entry: LogEntry, fallbackAt: Date): KeypadUse | null {
  const keypad = entry.keypad;
  if (entry.type !== LOG_ENTRY_TYPE.KEYPAD || !keypad) return null;
  if (keypad.source !== KEYPAD_SOURCE.CODE || keypad.completionStatus !== COMPLETION_STATUS.SUCCESS) return null;
  return { codeId: keypad.codeId, at: entry.timestamp ?? fallbackAt };
}

/** Follows the logs of the locks on one connection. */
export interface KeypadUsageLog {
  /** Reads what the lock logged since the last read and reports its keypad uses. Never throws. */
  readNew(address: string, client: NukiClient): Promise<void>;
  /** The index of the last entry read from the lock (0: none yet): keep it to start there next time. */
  lastIndex(address: string): number;
  /** Called for each keypad use found. */
  onUse(listener: (address: string, use: KeypadUse) => void): () => void;
}

/** What the log reader needs. */
export interface KeypadUsageLogOptions {
  now: () => Date;
  /** Where each lock's log was read up to in an earlier run (default: from its oldest entry). */
  startIndexes?: Readonly<Record<string, number>>;
  /** Entries per Request Log Entries. Default 50. */
  pageSize?: number;
  /** Most pages per read (a long log is caught up over several reads). Default 20. */
  maxPages?: number;
}

/** Creates the log reader. */
export function createKeypadUsageLog(options: KeypadUsageLogOptions): KeypadUsageLog {
  const pageSize = options.pageSize ?? 50;
  const maxPages = options.maxPages ?? 20;
  const indexes = new Map<string, number>(Object.entries(options.startIndexes ?? {}));
  const listeners = new Set<(address: string, use: KeypadUse) => void>();
  /** Reports the keypad uses among entries newer than the lock's index, moving the index on. */
  const report = (address: string, entries: readonly LogEntry[]): void => {
    for (const entry of entries) {
      if (entry.index <= (indexes.get(address) ?? 0)) continue;
      indexes.set(address, entry.index);
      const use = keypadUseOf(entry, options.now());
      if (use) for (const listener of [...listeners]) listener(address, use);
    }
  };

  return {
    async readNew(address, client) {
      if (!indexes.has(address)) {
        let newest: LogEntry[];
        try {
          newest = await client.readLogEntries({ sinceIndex: 0, count: pageSize, newest: true });
        } catch {
          return;
        }
        report(address, newest);
        if (!indexes.has(address)) indexes.set(address, 0);
        return;
      }
      for (let page = 0; page < maxPages; page++) {
        let entries: LogEntry[];
        try {
          entries = await client.readLogEntries({ sinceIndex: indexes.get(address) ?? 0, count: pageSize });
        } catch {
          return; // read again after the next session
        }
        const from = indexes.get(address) ?? 0;
        report(address, entries);
        if (entries.length < pageSize || (indexes.get(address) ?? 0) === from) return;
      }
    },
    lastIndex: (address) => indexes.get(address) ?? 0,
    onUse(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

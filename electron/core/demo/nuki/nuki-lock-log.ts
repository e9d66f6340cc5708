import { encodeLogEntry, LOG_ENTRY_TYPE, type LogEntriesRequest } from '../../nuki/protocol/log-codec';
import { fromHex, LOG_CAPACITY, toHex, type NukiLockMemory, type StoredLogEntry } from './nuki-lock-state';

/**
 * The virtual lock's log: a ring of the last LOG_CAPACITY entries with ever-growing indexes (from 1, so that
 * startIndex 0 can mean "from the end"), and the slice Request Log Entries asks for (nuki-ble.md §4 "Log entries").
 */

/** What to log; the lock adds the index. */
export interface NewLogEntry {
  /** Lock clock, ms. */
  timestamp: number;
  authId: number;
  name: string;
  type: number;
  data: Uint8Array;
}

/** Appends an entry (dropping the oldest past capacity); nothing while logging is off, except the switch itself. */
export function appendLogEntry(memory: NukiLockMemory, entry: NewLogEntry): void {
  if (!memory.loggingEnabled && entry.type !== LOG_ENTRY_TYPE.LOGGING) return;
  memory.log.push({ ...entry, index: memory.nextLogIndex, data: toHex(entry.data) });
  memory.nextLogIndex += 1;
  if (memory.log.length > LOG_CAPACITY) memory.log.splice(0, memory.log.length - LOG_CAPACITY);
}

/**
 * The entries a Request Log Entries gets: in `sortOrder`, starting at the oldest (ascending) or newest (descending)
 * end when startIndex is 0, else with the entries after startIndex in that order (never the start entry itself).
 */
export function selectLogEntries(log: readonly StoredLogEntry[], request: LogEntriesRequest): StoredLogEntry[] {
  const ascending = request.sortOrder === 'ascending';
  const ordered = ascending ? [...log] : [...log].reverse();
  const after =
    request.startIndex === 0 ? ordered : ordered.filter((e) => (ascending ? e.index > request.startIndex : e.index < request.startIndex));
  return after.slice(0, request.count);
}

/** The Log Entry 0x0032 body of a stored entry. */
export function encodeStoredLogEntry(entry: StoredLogEntry): Uint8Array {
  return encodeLogEntry({ ...entry, timestamp: new Date(entry.timestamp), data: fromHex(entry.data) });
}

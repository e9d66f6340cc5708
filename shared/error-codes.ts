import { z } from 'zod';

/**
 * Every stable error code, grouped by the layer that raises it. Tests assert these, not message text;
 * the renderer maps them to words in one place (renderer/src/lib/error-words.ts).
 */
export const ERROR_CODES = [
  // ipc: the boundary itself
  'ipc.invalid_request',
  'ipc.unknown_channel',
  'ipc.forbidden',
  'ipc.internal',
  /** Too many requests in flight from one window or socket; nothing was done, try again. */
  'ipc.busy',
  // transport: serial ports, TCP sticks, the virtual stick
  'transport.list_failed',
  'transport.port_not_found',
  'transport.open_failed',
  'transport.disconnected',
  // lock: any lock, whatever its protocol; each driver maps its own failures to these at its edge
  /** The lock did not answer in time; the command MAY have reached it (read before sending again). */
  'lock.no_answer',
  /** The link to the lock dropped mid-command; the command MAY have reached it. */
  'lock.connection_lost',
  /** The lock is not answering or not in range; nothing reached it. */
  'lock.offline',
  /** The connection refused to send the command (the Z-Wave stick said NAK); nothing reached the lock. */
  'lock.not_sent',
  /** No such lock on this connection. */
  'lock.not_found',
  /** The lock cannot do this (no such command class or command). */
  'lock.unsupported',
  /** The lock is still being read (interview); try again in a moment. */
  'lock.not_ready',
  /** Lockbench holds no pairing with this lock, or the lock no longer knows Lockbench. Pair it again. */
  'lock.not_paired',
  /** The lock's security PIN (admin PIN) was wrong, or too many wrong tries. */
  'lock.bad_security_pin',
  /** The lock is not in pairing mode (its button was not held long enough). */
  'lock.not_pairing',
  /** The lock refused the pairing (authenticator wrong, too many users). */
  'lock.pairing_refused',
  /** The lock refused the code itself (a digit or pattern it does not take). */
  'lock.code_refused',
  /** The lock already holds this PIN. */
  'lock.duplicate_code',
  /** The lock's code storage is full. */
  'lock.full',
  /** The lock is busy with something else; try again shortly. */
  'lock.busy',
  /** The lock did not understand a message (CRC, length, nonce); safe to send again after a read. */
  'lock.protocol_error',
  /** Any other refusal by the lock, with its own words in the message. */
  'lock.failed',
  // ble: the Bluetooth LE radio of this computer
  /** Bluetooth LE cannot be used here (off, no permission, no adapter, no library); the message says what to do. */
  'ble.unavailable',
  // store: the local lowdb file
  'store.corrupt',
  'store.write_failed',
  /** Another Lockbench process holds this data folder. */
  'store.locked',
  // secrets: the OS keychain (Electron safeStorage) or the browser host's key file
  'secrets.unavailable',
  // sites and doors
  'site.not_found',
  'site.not_connected',
  'site.not_demo',
  'demo.clock_disabled',
  'door.not_found',
  'door.not_connected',
  // codes: access codes and PIN rules
  'codes.not_found',
  'codes.constraint_violated',
  'codes.duplicate_pin',
  'codes.no_free_slot',
  'codes.unsupported',
  'codes.busy',
  'codes.needs_confirmation',
  'codes.invalid_window',
  'codes.lock_clock_mismatch',
  // queue: the local operation queue
  'queue.not_found',
  'queue.not_allowed',
  // sync: the cloud API
  'sync.failed',
  /** No cloud account is set. */
  'sync.no_account',
  /** The cloud refused the key (wrong, revoked, or not for this workspace). Nothing queued was dropped. */
  'sync.unauthorized',
  /** The cloud could not be reached (no network, DNS, connection refused, timeout). */
  'sync.offline',
  /** The cloud answered with a server error or is in an outage; retried with backoff. */
  'sync.server_error',
  /** The cloud refused the change as invalid; its message is kept on the code. Not retried. */
  'sync.rejected',
  /** The cloud already has this code (409 duplicate). */
  'sync.duplicate',
  /** The cloud has no such device or code. */
  'sync.not_found',
  /** The keychain that keeps the cloud secret could not be used. */
  'sync.secret_unavailable',
  /** The code has no conflict to resolve. */
  'sync.no_conflict',
  // building scale: bulk runs, CSV files, reports
  /** No bulk run with this id (any more). */
  'bulk.not_found',
  /** The run cannot do that now (resume a cancelled run, pause a finished one). */
  'bulk.not_allowed',
  /** None of the plan's codes can go on any of its doors (the preview says why, per door). */
  'bulk.nothing_to_do',
  /** The file is not a CSV Lockbench can read (no header it knows, not text). */
  'csv.unreadable',
  /** The report could not be produced. */
  'report.failed',
  /** This Lockbench cannot do this here (the building demo without the demo's virtual sticks). */
  'app.not_supported',
  /** A link that is not an https web page: Lockbench opens nothing else. */
  'app.link_refused',
] as const;

/** A stable error code (see ERROR_CODES). */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Schema for an error code on the wire. */
export const errorCodeSchema = z.enum(ERROR_CODES);

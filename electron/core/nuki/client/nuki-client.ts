import { protocolError } from '../protocol/bytes';
import { encodeUpdateTime } from '../protocol/command-codec';
import { NUKI_COMMAND } from '../protocol/command-ids';
import { decodeConfig, encodeSetConfig, type NukiConfig } from '../protocol/config-codec';
import type { NukiMessage } from '../protocol/frames';
import {
  decodeKeypadCode,
  decodeKeypadCodeCount,
  decodeKeypadCodeId,
  encodeAddKeypadCode,
  encodeRemoveKeypadCode,
  encodeRequestKeypadCodes,
  encodeUpdateKeypadCode,
  type KeypadCodeEntry,
  type KeypadCodeUpdate,
  type NewKeypadCode,
} from '../protocol/keypad-codes-codec';
import { decodeKeyturnerStates } from '../protocol/keyturner-codec';
import { decodeLogEntry, encodeEnableLogging, encodeRequestLogEntries, type LogEntry } from '../protocol/log-codec';
import { assertPinFits, type NukiSession, type ReplyShape } from './nuki-session';

/**
 * What the Lockbench driver asks of a paired Nuki lock, each call one command (setTimeZone two, listKeypadCodes one
 * per page). The security PIN is held here in memory only, as given; it is never logged or put in an error.
 */

/** The lock's health and clock from Keyturner States. */
export interface NukiLockStates {
  batteryPercent: number;
  isBatteryCritical: boolean;
  /** Null when the lock does not report a keypad battery. */
  isKeypadBatteryCritical: boolean | null;
  /** The lock's clock, UTC; null when it was never set. */
  lockTime: Date | null;
  /** Minutes east of UTC. */
  tzOffsetMinutes: number;
  nukiState: number;
  lockState: number;
}

/** The lock's time zone as Set Config writes it. */
export interface NukiTimeZone {
  /** Minutes east of UTC. */
  tzOffsetMinutes: number;
  /** DST_MODE value (0 off, 1 European). */
  dstMode: number;
  /** 0–45 from the PDF's list (37 = Europe/Berlin), or TIMEZONE_ID_NONE. */
  timezoneId: number;
}

/** The high-level Nuki API. */
export interface NukiClient {
  readStates(): Promise<NukiLockStates>;
  readConfig(): Promise<NukiConfig>;
  /** Reads the config and writes it back whole with the zone changed (two commands). */
  setTimeZone(zone: NukiTimeZone): Promise<void>;
  /** Sets the lock's clock; pass UTC (the lock keeps UTC). */
  updateTime(utc: Date): Promise<void>;
  /** Rejects `lock.bad_security_pin` when the lock refuses the PIN this client holds. */
  verifySecurityPin(): Promise<void>;
  /** Every keypad code, paging by offset/count until the lock's total is reached. */
  listKeypadCodes(): Promise<KeypadCodeEntry[]>;
  addKeypadCode(code: NewKeypadCode): Promise<{ codeId: number }>;
  updateKeypadCode(entry: KeypadCodeUpdate): Promise<void>;
  removeKeypadCode(codeId: number): Promise<void>;
  /** Log entries after `sinceIndex` (0 = from the oldest), ascending by index. */
  /**
   * Log entries after `sinceIndex`, oldest first; with `newest`, the lock's newest `count` entries (still returned
   * oldest first).
   */
  readLogEntries(request: { sinceIndex: number; count: number; newest?: boolean }): Promise<LogEntry[]>;
  enableLogging(): Promise<void>;
  /** Commands sent on this connection (for "BLE commands per verified code"). */
  commandsSent(): number;
}

/** What a client is built from. */
export interface NukiClientOptions {
  session: NukiSession;
  /** The installer's security PIN (u16 on Smart Lock 1–4, u32 on the Ultra). */
  securityPin: number;
  /** Keypad codes asked for per Request Keypad Codes. Default 100 (a lock holds about that many). */
  pageSize?: number;
}

const UNTIL_STATUS: ReplyShape = { endsAt: 'status' };

/** Creates the client; rejects a security PIN that does not fit the lock's PIN width before anything is sent. */
export function createNukiClient(options: NukiClientOptions): NukiClient {
  const { session } = options;
  const pageSize = options.pageSize ?? 100;
  assertPinFits(options.securityPin, session.pinWidth);
  const pin = { kind: 'security_pin', securityPin: options.securityPin } as const;

  const withPin = (commandId: number, body: Uint8Array, reply: ReplyShape = UNTIL_STATUS): Promise<NukiMessage[]> =>
    session.command(commandId, body, pin, reply);

  const readConfig = async (): Promise<NukiConfig> => {
    const replies = await session.command(NUKI_COMMAND.REQUEST_CONFIG, new Uint8Array(0), { kind: 'challenge' }, { endsAt: NUKI_COMMAND.CONFIG });
    return decodeConfig(payloadOf(replies, NUKI_COMMAND.CONFIG));
  };

  return {
    async readStates() {
      const replies = await session.request(NUKI_COMMAND.KEYTURNER_STATES, { endsAt: NUKI_COMMAND.KEYTURNER_STATES });
      const states = decodeKeyturnerStates(payloadOf(replies, NUKI_COMMAND.KEYTURNER_STATES));
      const keypad = states.accessoryBattery;
      return {
        batteryPercent: states.battery.percent,
        isBatteryCritical: states.battery.isCritical,
        isKeypadBatteryCritical: keypad?.isKeypadBatterySupported ? keypad.isKeypadBatteryCritical : null,
        lockTime: states.currentTime,
        tzOffsetMinutes: states.timezoneOffsetMinutes,
        nukiState: states.nukiState,
        lockState: states.lockState,
      };
    },
    readConfig,
    async setTimeZone(zone) {
      const config = await readConfig();
      const changes = { timezoneOffsetMinutes: zone.tzOffsetMinutes, dstMode: zone.dstMode, timezoneId: zone.timezoneId };
      await withPin(NUKI_COMMAND.SET_CONFIG, encodeSetConfig(config, changes));
    },
    async updateTime(utc) {
      await withPin(NUKI_COMMAND.UPDATE_TIME, encodeUpdateTime(utc));
    },
    async verifySecurityPin() {
      await withPin(NUKI_COMMAND.VERIFY_SECURITY_PIN, new Uint8Array(0));
    },
    async listKeypadCodes() {
      const entries: KeypadCodeEntry[] = [];
      for (;;) {
        const body = encodeRequestKeypadCodes({ offset: entries.length, count: pageSize });
        const shape = { collects: [NUKI_COMMAND.KEYPAD_CODE_COUNT, NUKI_COMMAND.KEYPAD_CODE], endsAt: 'status' } as const;
        const replies = await withPin(NUKI_COMMAND.REQUEST_KEYPAD_CODES, body, shape);
        const countReply = replies.find((m) => m.commandId === NUKI_COMMAND.KEYPAD_CODE_COUNT);
        const total = countReply ? decodeKeypadCodeCount(countReply.payload).count : null;
        const page = replies.filter((m) => m.commandId === NUKI_COMMAND.KEYPAD_CODE).map((m) => decodeKeypadCode(m.payload));
        entries.push(...page);
        const isDone = total === null ? page.length < pageSize : entries.length >= total;
        if (isDone || page.length === 0) return entries;
      }
    },
    async addKeypadCode(code) {
      const replies = await withPin(NUKI_COMMAND.ADD_KEYPAD_CODE, encodeAddKeypadCode(code), { endsAt: NUKI_COMMAND.KEYPAD_CODE_ID });
      return { codeId: decodeKeypadCodeId(payloadOf(replies, NUKI_COMMAND.KEYPAD_CODE_ID)).codeId };
    },
    async updateKeypadCode(entry) {
      await withPin(NUKI_COMMAND.UPDATE_KEYPAD_CODE, encodeUpdateKeypadCode(entry));
    },
    async removeKeypadCode(codeId) {
      await withPin(NUKI_COMMAND.REMOVE_KEYPAD_CODE, encodeRemoveKeypadCode({ codeId }));
    },
    async readLogEntries({ sinceIndex, count, newest = false }) {
      const start = newest ? 0 : sinceIndex;
      const body = encodeRequestLogEntries({ startIndex: start, count, sortOrder: newest ? 'descending' : 'ascending', withTotalCount: false });
      const replies = await withPin(NUKI_COMMAND.REQUEST_LOG_ENTRIES, body, { collects: [NUKI_COMMAND.LOG_ENTRY_COUNT, NUKI_COMMAND.LOG_ENTRY], endsAt: 'status' });
      const entries = replies.filter((m) => m.commandId === NUKI_COMMAND.LOG_ENTRY).map((m) => decodeLogEntry(m.payload));
      // The lock returns entries after startIndex; drop the start entry should a firmware repeat it.
      return entries.filter((e) => start === 0 || e.index > start).sort((a, b) => a.index - b.index);
    },
    async enableLogging() {
      await withPin(NUKI_COMMAND.ENABLE_LOGGING, encodeEnableLogging(true));
    },
    commandsSent: () => session.commandsSent,
  };
}

/** The payload of the reply with `commandId`; `lock.protocol_error` when the lock did not send it. */
function payloadOf(replies: NukiMessage[], commandId: number): Uint8Array {
  const reply = replies.find((m) => m.commandId === commandId);
  if (!reply) throw protocolError(`The lock's answer lacks message 0x${commandId.toString(16)}`);
  return reply.payload;
}

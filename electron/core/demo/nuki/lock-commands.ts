import { decodeRequestData, decodeUpdateTime } from '../../nuki/protocol/command-codec';
import { NUKI_COMMAND } from '../../nuki/protocol/command-ids';
import { decodeSetConfig, DST_MODE, encodeConfig, TIMEZONE_ID_NONE, type SettableConfig } from '../../nuki/protocol/config-codec';
import { encodeKeyturnerStates, NUKI_STATE } from '../../nuki/protocol/keyturner-codec';
import { decodeEnableLogging, decodeRequestLogEntries, encodeLogEntryCount, LOG_ENTRY_TYPE } from '../../nuki/protocol/log-codec';
import { NUKI_ERROR } from '../../nuki/protocol/nuki-errors';
import { encodeChallenge } from '../../nuki/protocol/pairing-codec';
import type { CommandContext, CommandTable } from './command-table';
import { refuse, reply, statusReply } from './lock-replies';
import { appendLogEntry, encodeStoredLogEntry, selectLogEntries } from './nuki-lock-log';
import type { NukiLockMemory } from './nuki-lock-state';

/**
 * The virtual lock's general commands (nuki-ble.md §4 "Generic commands", "Log entries"):
 *   Request Data            → Challenge | Keyturner States | Log Entry Count      (no challenge)
 *   Request Config          → Config                                              (nK)
 *   Verify Security PIN     → Status COMPLETE                                      (nK ‖ PIN)
 *   Update Time (UTC)       → Status COMPLETE; the lock's clock is set             (nK ‖ PIN)
 *   Set Config (whole)      → Status COMPLETE; configUpdateCount + 1               (nK ‖ PIN)
 *   Request Log Entries     → [Log Entry Count] ‖ Log Entry × n ‖ Status COMPLETE  (nK ‖ PIN)
 *   Enable Logging          → Status COMPLETE                                      (nK ‖ PIN)
 */
export const LOCK_COMMANDS: CommandTable = {
  [NUKI_COMMAND.REQUEST_DATA]: { auth: 'none', bodyBytes: 'at_least_2', run: requestData },
  [NUKI_COMMAND.REQUEST_CONFIG]: { auth: 'challenge', bodyBytes: 0, run: (c) => [reply(NUKI_COMMAND.CONFIG, configBody(c))] },
  [NUKI_COMMAND.VERIFY_SECURITY_PIN]: { auth: 'pin', bodyBytes: 0, run: () => [statusReply()] },
  [NUKI_COMMAND.UPDATE_TIME]: { auth: 'pin', bodyBytes: 7, run: updateTime },
  [NUKI_COMMAND.SET_CONFIG]: { auth: 'pin', bodyBytes: 55, run: setConfig },
  [NUKI_COMMAND.REQUEST_LOG_ENTRIES]: { auth: 'pin', bodyBytes: 8, run: requestLogEntries },
  [NUKI_COMMAND.ENABLE_LOGGING]: { auth: 'pin', bodyBytes: 1, run: enableLogging },
};

function requestData(context: CommandContext, body: Uint8Array) {
  const wanted = decodeRequestData(body).commandId;
  switch (wanted) {
    case NUKI_COMMAND.CHALLENGE:
      return [reply(NUKI_COMMAND.CHALLENGE, encodeChallenge(context.issueChallenge()))];
    case NUKI_COMMAND.KEYTURNER_STATES:
      return [reply(NUKI_COMMAND.KEYTURNER_STATES, context.keyturnerStates())];
    case NUKI_COMMAND.LOG_ENTRY_COUNT:
      return [reply(NUKI_COMMAND.LOG_ENTRY_COUNT, logEntryCount(context))];
    default:
      throw refuse(NUKI_ERROR.BAD_PARAMETER, NUKI_COMMAND.REQUEST_DATA);
  }
}

function configBody(context: CommandContext): Uint8Array {
  const { memory } = context;
  return encodeConfig({ ...memory.config, nukiId: memory.nukiId, currentTime: new Date(context.lockTime()) });
}

function updateTime(context: CommandContext, body: Uint8Array) {
  const time = decodeUpdateTime(body);
  if (time === null) throw refuse(NUKI_ERROR.BAD_PARAMETER, NUKI_COMMAND.UPDATE_TIME);
  context.setLockTime(time.getTime());
  return [statusReply()];
}

function setConfig(context: CommandContext, body: Uint8Array) {
  const settable = decodeSetConfig(body);
  if (!isSaneConfig(settable)) throw refuse(NUKI_ERROR.BAD_PARAMETER, NUKI_COMMAND.SET_CONFIG);
  Object.assign(context.memory.config, settable);
  context.memory.configUpdateCount = (context.memory.configUpdateCount + 1) & 0xff;
  context.changed();
  return [statusReply()];
}

/** What a lock would refuse in a Set Config: offsets beyond ±14 h, unknown DST modes or time-zone ids, LED level > 5. */
function isSaneConfig(c: SettableConfig): boolean {
  return (
    Math.abs(c.timezoneOffsetMinutes) <= 14 * 60 &&
    (c.dstMode === DST_MODE.OFF || c.dstMode === DST_MODE.EUROPEAN) &&
    (c.timezoneId <= 45 || c.timezoneId === TIMEZONE_ID_NONE) &&
    c.ledBrightness <= 5
  );
}

function requestLogEntries(context: CommandContext, body: Uint8Array) {
  const request = decodeRequestLogEntries(body);
  const entries = selectLogEntries(context.memory.log, request).map((e) => reply(NUKI_COMMAND.LOG_ENTRY, encodeStoredLogEntry(e)));
  const count = request.withTotalCount ? [reply(NUKI_COMMAND.LOG_ENTRY_COUNT, logEntryCount(context))] : [];
  return [...count, ...entries, statusReply()];
}

function enableLogging(context: CommandContext, body: Uint8Array) {
  const enabled = decodeEnableLogging(body);
  const { memory } = context;
  if (memory.loggingEnabled !== enabled) {
    memory.loggingEnabled = enabled;
    const name = memory.authorizations.find((a) => a.authId === context.authId)?.name ?? '';
    appendLogEntry(memory, { timestamp: context.lockTime(), authId: context.authId, name, type: LOG_ENTRY_TYPE.LOGGING, data: Uint8Array.of(enabled ? 1 : 0) });
    context.changed();
  }
  return [statusReply()];
}

function logEntryCount(context: CommandContext): Uint8Array {
  return encodeLogEntryCount({ loggingEnabled: context.memory.loggingEnabled, count: context.memory.log.length });
}

/** The Keyturner States body of a lock (head plus the tail up to the accessory battery byte: a Keypad 2 reports its battery). */
export function keyturnerStatesOf(memory: NukiLockMemory, lockTime: number, isPairingMode: boolean): Uint8Array {
  return encodeKeyturnerStates({
    nukiState: isPairingMode ? NUKI_STATE.PAIRING_MODE : NUKI_STATE.DOOR_MODE,
    lockState: memory.lockState,
    trigger: 0,
    currentTime: new Date(lockTime),
    timezoneOffsetMinutes: memory.config.timezoneOffsetMinutes,
    battery: { ...memory.battery, isCharging: false },
    configUpdateCount: memory.configUpdateCount,
    lockNGoTimer: 0,
    lastLockAction: 0,
    lastLockActionTrigger: 0,
    lastLockActionCompletionStatus: 0,
    doorSensorState: 0,
    nightModeActive: false,
    accessoryBattery: {
      isKeypadBatterySupported: true,
      isKeypadBatteryCritical: memory.keypadBatteryCritical,
      isDoorSensorBatterySupported: false,
      isDoorSensorBatteryCritical: false,
    },
  });
}

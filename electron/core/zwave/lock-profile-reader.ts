import { CommandClasses, SecurityClass } from '@zwave-js/core';
import {
  BatteryCCValues,
  DoorLockCCValues,
  DoorLockMode,
  NodeStatus,
  ScheduleEntryLockCCValues,
  UserCodeCCValues,
  type Driver,
  type ZWaveNode,
} from 'zwave-js';
import type { LockProfile, PinCharset, SecurityClass as LockSecurityClass } from '../../../shared/domain/lock';
import { readLockClock } from './clock-ops';
import { readDeviceFacts } from './device-facts';
import type { CountCommand } from './schedule-ops';
import { cachedSlotReadings, supportsChecksum } from './user-code-ops';

/** A battery at or below this percent is shown as low. */
const LOW_BATTERY_PERCENT = 20;

/**
 * Reads everything the capability check needs. Identity, security, slots and capabilities come from zwave-js's cache
 * (filled by the interview); PIN lengths, reserved slots and ids from the device file and the lock's settings
 * (device-facts.ts); battery, door state and clock offset are asked from the lock (one Get each, skipped for a dead
 * lock; the clock offset comes from readLockClock without its Time Parameters Get). A Get that gets no answer yields
 * null/"unknown", never an exception: the check reports what it knows. `count` is called per Get sent.
 *
 * Battery level and `readAt` are the values zwave-js holds with the time it got them: after an answered Get that is
 * now; from a lock that did not answer, the last known level and when the lock last answered one of these Gets (or its
 * interview). So a profile never passes off an old reading as a new one.
 */
export async function readLockProfile(driver: Driver, node: ZWaveNode, isOnline: boolean, count: CountCommand = () => undefined): Promise<LockProfile> {
  const supportsAccessCodes = node.supportsCC(CommandClasses['User Code']);
  const slotCount = numberValue(node, UserCodeCCValues.supportedUsers.id) ?? 0;
  const chars = node.getValue<string>(UserCodeCCValues.supportedASCIIChars.id);
  const yearDaySlots = numberValue(node, ScheduleEntryLockCCValues.numYearDaySlots.id) ?? 0;
  const canAsk = isOnline && node.status !== NodeStatus.Dead;

  const batteryReport = canAsk && node.supportsCC(CommandClasses.Battery) ? await ask(count, () => node.commandClasses.Battery.get()) : undefined;
  const door = canAsk && node.supportsCC(CommandClasses['Door Lock']) ? await ask(count, () => node.commandClasses['Door Lock'].get()) : undefined;
  const clock = canAsk ? await readLockClock(node, count, { withTime: false }) : { offsetMinutes: null };

  const facts = readDeviceFacts(node, slotCount, supportsAccessCodes);
  // Battery CC reports 0xff for "battery low" without a percentage; zwave-js then keeps the last percentage.
  const battery = batteryOf(node, batteryReport?.level === 0xff);
  return {
    address: String(node.id),
    codePlaces: 'slots',
    codeProof: 'read_back',
    keepsCodeNames: false,
    ...identity(driver, node),
    firmwareVersion: node.firmwareVersion ?? null,
    securityClass: securityClassName(node.getHighestSecurityClass()),
    isOnline,
    offlineSince: null,
    readAt: lastAnswerAt(node),
    supportsAccessCodes,
    slotCount,
    supportedCodeLengths: facts.pinLengths.lengths,
    codeLengthsSource: facts.pinLengths.source,
    codeLengthsNote: facts.pinLengths.note,
    reservedSlots: facts.reservedSlots,
    deviceIds: facts.deviceIds,
    serialNumber: null, // Z-Wave User Code locks do not report a serial number zwave-js reads during the interview
    pinCharset: charset(chars),
    nativeScheduling: node.supportsCC(CommandClasses['Schedule Entry Lock']) && yearDaySlots > 0,
    supportsChecksum: supportsChecksum(node),
    ...battery,
    doorState: door === undefined ? 'unknown' : door.currentMode === DoorLockMode.Secured ? 'locked' : door.currentMode === DoorLockMode.Unknown ? 'unknown' : 'unlocked',
    // Z-Wave keypads report no battery of their own; the lock's clock is read only when it is set (clock-ops).
    isKeypadBatteryLow: null,
    clockOffsetMinutes: clock.offsetMinutes,
    lockTime: null,
    occupiedSlots: cachedSlotReadings(node, slotCount)
      .filter((s) => s.status === 'enabled' || s.status === 'disabled')
      .map((s) => s.slot),
    // Z-Wave has no way to report PIN rules beyond lengths; device information (or the cloud) adds them.
    codeConstraints: [],
  };
}

/** The battery percentage as zwave-js last heard it, with when; `isLowNow` when the lock just reported "low". */
function batteryOf(node: ZWaveNode, isLowNow: boolean): Pick<LockProfile, 'batteryLevel' | 'batteryReadAt' | 'isBatteryLow'> {
  const level = numberValue(node, BatteryCCValues.level.id);
  const percent = level === undefined ? null : Math.max(0, Math.min(100, Math.round(level)));
  return {
    batteryLevel: percent,
    batteryReadAt: percent === null ? null : isoAt(node.getValueTimestamp(BatteryCCValues.level.id)),
    isBatteryLow: isLowNow || (percent !== null && percent <= LOW_BATTERY_PERCENT),
  };
}

/**
 * When the lock last answered: the newest of zwave-js's timestamps on the values every profile read asks for (battery
 * level, door mode); for a lock with neither, when its interview read the slot count.
 */
function lastAnswerAt(node: ZWaveNode): string | null {
  const stamps = [BatteryCCValues.level.id, DoorLockCCValues.currentMode.id].map((id) => node.getValueTimestamp(id)).filter((t): t is number => typeof t === 'number');
  if (stamps.length > 0) return isoAt(Math.max(...stamps));
  return isoAt(node.getValueTimestamp(UserCodeCCValues.supportedUsers.id));
}

const isoAt = (ms: number | undefined): string | null => (typeof ms === 'number' ? new Date(ms).toISOString() : null);

function identity(driver: Driver, node: ZWaveNode): { manufacturer: string; model: string } {
  const config = node.deviceConfig;
  const id = node.manufacturerId;
  const looked = id === undefined ? undefined : driver.configManager.lookupManufacturer(id);
  const manufacturer =
    config?.manufacturer ?? (looked && !looked.startsWith('_') ? looked : id === undefined ? 'Unknown manufacturer' : `Unregistered manufacturer ${hex(id)}`);
  const configModel = config ? [config.label, config.description].filter(Boolean).join(' – ') : '';
  const model = configModel || node.name || (node.productType === undefined ? 'Unknown model' : `Product ${hex(node.productType)}:${hex(node.productId ?? 0)}`);
  return { manufacturer, model };
}

function securityClassName(sc: SecurityClass | undefined): LockSecurityClass {
  switch (sc) {
    case SecurityClass.S2_AccessControl:
      return 'S2_AccessControl';
    case SecurityClass.S2_Authenticated:
      return 'S2_Authenticated';
    case SecurityClass.S2_Unauthenticated:
      return 'S2_Unauthenticated';
    case SecurityClass.S0_Legacy:
      return 'S0_Legacy';
    case SecurityClass.None:
      return 'none';
    default:
      return 'unknown';
  }
}

function charset(chars: string | undefined): PinCharset {
  // No User Code v2 capabilities: keypads take digits.
  return chars === undefined || /^[0-9]*$/.test(chars) ? 'digits' : 'ascii';
}

function numberValue(node: ZWaveNode, id: Parameters<ZWaveNode['getValue']>[0]): number | undefined {
  const v = node.getValue<unknown>(id);
  return typeof v === 'number' ? v : undefined;
}

async function ask<T>(count: CountCommand, get: () => Promise<T | undefined>): Promise<T | undefined> {
  count();
  try {
    return await get();
  } catch {
    return undefined; // no answer, NAK or unsupported: the profile says "unknown" for this field
  }
}

const hex = (n: number): string => `0x${n.toString(16).padStart(4, '0')}`;

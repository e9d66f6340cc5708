import { ConfigurationCCValues, type ZWaveNode } from 'zwave-js';
import type { CodeLengthsSource, LockProfile, ReservedSlot } from '../../../shared/domain/lock';
import { describeLengths, ZWAVE_CODE_LENGTHS } from '../../../shared/codes/pin-rules';
import { reservedSlotsOf, type DeviceIds } from './lock-quirks';

/** Which PIN lengths a lock takes, and how Lockbench knows. */
export interface PinLengthFacts {
  /** Ascending. For `unknown`: every length that might work (the protocol's 4–10, or the setting's range). */
  lengths: number[];
  source: CodeLengthsSource;
  /** In words, for the capability check and refusals; null when there is nothing to say. */
  note: string | null;
}

/** What the device file and the lock's settings say about a lock, beyond what User Code CC reports. */
export interface DeviceFacts {
  deviceIds: LockProfile['deviceIds'];
  pinLengths: PinLengthFacts;
  reservedSlots: ReservedSlot[];
}

/**
 * A configuration parameter that holds THE length every code must have. Schlage/Allegion files label it "User Code PIN
 * Length" (be469zp.json: "Required length of all User Codes"; be468.json: "Changing length will delete all existing
 * codes"). Labels that speak of a minimum or maximum are not this (none in zwave-js 15's files yet): left unknown.
 */
const EXACT_LENGTH_LABEL = /\b(pin|code)\s+length\b/i;
const BOUND_WORDS = /\b(min|max)/i;

/**
 * Reads the device facts of one node from zwave-js: its ids, the PIN-length setting its device file documents (value
 * as zwave-js read it from the lock during the interview, ConfigurationCCValues), and reserved slots (lock-quirks.ts).
 * No radio traffic. `supportsAccessCodes` false → no lengths at all.
 */
export function readDeviceFacts(node: ZWaveNode, slotCount: number, supportsAccessCodes: boolean): DeviceFacts {
  const ids = deviceIdsOf(node);
  return {
    deviceIds: ids ? { manufacturerId: hex(ids.manufacturerId), productType: hex(ids.productType), productId: hex(ids.productId) } : null,
    pinLengths: supportsAccessCodes ? pinLengthFacts(node) : { lengths: [], source: 'unknown', note: null },
    reservedSlots: reservedSlotsOf(ids, slotCount),
  };
}

function deviceIdsOf(node: ZWaveNode): DeviceIds | null {
  const { manufacturerId, productType, productId } = node;
  if (manufacturerId === undefined || productType === undefined || productId === undefined) return null;
  return { manufacturerId, productType, productId };
}

function pinLengthFacts(node: ZWaveNode): PinLengthFacts {
  const setting = lengthSetting(node);
  if (!setting) return { lengths: [...ZWAVE_CODE_LENGTHS], source: 'unknown', note: null };
  const name = `the lock's "${setting.label}" setting, configuration parameter ${setting.param},`;
  if (setting.value !== undefined && ZWAVE_CODE_LENGTHS.includes(setting.value) && setting.value >= setting.min && setting.value <= setting.max) {
    return { lengths: [setting.value], source: 'lock_setting', note: `${name} is ${setting.value}` };
  }
  // The lock has the setting but its value is not known (not read, or out of range): one of its range, not which.
  const range = ZWAVE_CODE_LENGTHS.filter((n) => n >= setting.min && n <= setting.max);
  const lengths = range.length > 0 ? range : [...ZWAVE_CODE_LENGTHS];
  return {
    lengths,
    source: 'unknown',
    note: `${name} has not been read; every code must have the one length it holds, ${describeLengths(lengths, 'digits')}`,
  };
}

interface LengthSetting {
  param: number;
  label: string;
  min: number;
  max: number;
  value: number | undefined;
}

function lengthSetting(node: ZWaveNode): LengthSetting | null {
  const params = node.deviceConfig?.paramInformation;
  if (!params) return null;
  for (const [key, info] of params.entries()) {
    if (key.valueBitMask !== undefined || !EXACT_LENGTH_LABEL.test(info.label) || BOUND_WORDS.test(info.label)) continue;
    const value = node.getValue<unknown>(ConfigurationCCValues.paramInformation(key.parameter).id);
    return { param: key.parameter, label: info.label, min: info.minValue, max: info.maxValue, value: typeof value === 'number' ? value : undefined };
  }
  return null;
}

const hex = (n: number): string => `0x${n.toString(16).padStart(4, '0')}`;

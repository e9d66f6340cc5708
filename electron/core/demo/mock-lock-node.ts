import { CommandClasses, ConfigValueFormat, SecurityClass } from '@zwave-js/core';
import { ccCaps, type MockNodeOptions, type PartialCCCapabilities } from '@zwave-js/testing';
import { DoorLockMode, DoorLockOperationType, KeypadMode, UserIDStatus } from 'zwave-js';
import { STATUS_ENABLED, type StoredSlot } from './lock-memory';
import type { VirtualLockSpec } from './virtual-stick';

/** Access Control notification type and its keypad lock/unlock events (proof that a code was used). */
const ACCESS_CONTROL = 0x06;
const KEYPAD_LOCK = 0x05;
const KEYPAD_UNLOCK = 0x06;

/** Year-day schedules per user slot on a scheduling lock: one, like locks that schedule every code. */
export const YEAR_DAY_SLOTS_PER_USER = 1;

/** Ids of a virtual lock without a real device: zwave-js finds no device file, so it applies no quirks. */
const NEUTRAL_IDS = { manufacturerId: 0xffff, productType: 0xffff, productId: 0xfffe };

/**
 * The MockNode capabilities of a virtual keypad lock. Neutral ids unless `spec.device` names a real device (zwave-js
 * then applies that device's file); the lock reports `reportedName` (Node Naming CC holds at most 16 characters) as its
 * name. Secure locks get Security 2 (Access Control) with every application CC secure, plus Supervision, as real S2
 * locks do. Configuration CC v1 when the spec has parameters (zwave-js then reads each one its device file documents).
 */
export function lockNodeCapabilities(spec: VirtualLockSpec): MockNodeOptions['capabilities'] {
  const secure = spec.secure;
  const commandClasses: PartialCCCapabilities[] = [
    { ccId: CommandClasses.Version, version: 3, secure },
    { ccId: CommandClasses['Manufacturer Specific'], version: 2, secure },
    ccCaps({ ccId: CommandClasses['Node Naming and Location'], version: 1, secure, name: reportedName(spec) }),
    ccCaps({
      ccId: CommandClasses['User Code'],
      // v1 locks have no Capabilities Report: no checksum, no character list (zwave-js never asks them).
      version: userCodeVersion(spec),
      secure,
      numUsers: spec.slotCount,
      supportedASCIIChars: '0123456789',
      supportsAdminCode: false,
      supportsAdminCodeDeactivation: false,
      supportsUserCodeChecksum: userCodeVersion(spec) >= 2,
      supportedKeypadModes: [KeypadMode.Normal],
      supportedUserIDStatuses: [UserIDStatus.Available, UserIDStatus.Enabled, UserIDStatus.Disabled],
    }),
    ccCaps({
      ccId: CommandClasses['Door Lock'],
      version: 4,
      secure,
      supportedOperationTypes: [DoorLockOperationType.Constant],
      supportedDoorLockModes: [DoorLockMode.Unsecured, DoorLockMode.Secured],
    }),
    { ccId: CommandClasses.Battery, version: 1, secure },
    ccCaps({
      ccId: CommandClasses.Notification,
      version: 8,
      secure,
      supportsV1Alarm: false,
      notificationTypesAndEvents: { [ACCESS_CONTROL]: [KEYPAD_LOCK, KEYPAD_UNLOCK] },
    }),
  ];
  if (spec.nativeScheduling) {
    commandClasses.push(
      ccCaps({
        ccId: CommandClasses['Schedule Entry Lock'],
        version: 3,
        secure,
        numWeekDaySlots: 0,
        numYearDaySlots: spec.claimedYearDaySlots ?? YEAR_DAY_SLOTS_PER_USER,
        numDailyRepeatingSlots: 0,
      }),
      // The lock's clock. No Time CC: zwave-js's mock cannot parse Time CC v2 Time Offset Set (ZW0320), so zwave-js
      // sends Time Parameters as the laptop's local time (GH#311) and its interview writes the laptop's zone into
      // the Schedule Entry Lock time offset.
      { ccId: CommandClasses['Time Parameters'], version: 1, secure },
    );
  }
  if (spec.configParams?.length) {
    commandClasses.push(
      ccCaps({
        ccId: CommandClasses.Configuration,
        version: 1,
        secure,
        bulkSupport: false,
        parameters: spec.configParams.map((p) => ({
          '#': p.param,
          valueSize: p.valueSize,
          format: p.isUnsigned ? ConfigValueFormat.UnsignedInteger : ConfigValueFormat.SignedInteger,
          minValue: p.minValue,
          maxValue: p.maxValue,
          defaultValue: p.value,
        })),
      }),
    );
  }
  if (secure) {
    commandClasses.push(
      { ccId: CommandClasses['Security 2'], version: 1, secure: true },
      { ccId: CommandClasses.Supervision, version: 1, secure: false },
    );
  }
  return {
    ...(spec.device ?? NEUTRAL_IDS),
    firmwareVersion: '1.0',
    ...(spec.radioDelayMs === undefined ? {} : { txDelay: spec.radioDelayMs }),
    securityClasses: new Set(secure ? [SecurityClass.S2_AccessControl] : []),
    commandClasses,
  };
}

/** The User Code CC version of a virtual lock (2 unless the spec says 1). */
export function userCodeVersion(spec: VirtualLockSpec): 1 | 2 {
  return spec.userCodeVersion ?? 2;
}

/** The name the virtual lock reports over Z-Wave: `spec.reportedName`, else the label cut to Node Naming's 16 characters. */
export function reportedName(spec: VirtualLockSpec): string {
  return (spec.reportedName ?? spec.label).slice(0, 16);
}

/** A new virtual lock's memory: the codes it holds from the factory (or an earlier owner), enabled. */
export function factorySlots(spec: VirtualLockSpec): Record<string, StoredSlot> {
  return Object.fromEntries(Object.entries(spec.factoryCodes ?? {}).map(([slot, code]) => [slot, { status: STATUS_ENABLED, code }]));
}

import {
  BatteryCCGet,
  BatteryCCReport,
  NotificationCCGet,
  NotificationCCReport,
  ScheduleEntryLockCCEnableAllSet,
  ScheduleEntryLockCCEnableSet,
  ScheduleEntryLockCCTimeOffsetSet,
  ScheduleEntryLockCCYearDayScheduleSet,
  Security2CC,
  TimeParametersCCSet,
  UserCodeCCExtendedUserCodeSet,
  UserCodeCCGet,
  UserCodeCCReport,
  UserCodeCCSet,
  UserIDStatus,
  type CommandClass,
} from 'zwave-js';
import { createMockZWaveRequestFrame, MockZWaveFrameType, type MockNode, type MockNodeBehavior } from '@zwave-js/testing';
import { userCodeKey, userIdStatusKey } from './lock-memory';

/** Battery CC has no mock behaviour in zwave-js: answer Battery Get with the lock's level. */
export function createBatteryBehavior(getLevel: () => number): MockNodeBehavior {
  return {
    handleCC(controller, _self, receivedCC) {
      if (receivedCC instanceof BatteryCCGet) {
        const level = getLevel();
        // 0xff ("low") is how real locks report a critically low battery; keep the number so the UI can show it.
        const cc = new BatteryCCReport({ nodeId: controller.ownNodeId, level });
        return { action: 'sendCC', cc };
      }
      return undefined;
    },
  };
}

/**
 * zwave-js's mock Notification behaviour answers the capability queries but not Notification Get, which the interview
 * sends for "pull" notification types (1 s timeout per lock). Answer with "idle" (event 0), as a lock with nothing to report.
 */
export function createNotificationIdleBehavior(): MockNodeBehavior {
  return {
    handleCC(controller, _self, receivedCC) {
      if (!(receivedCC instanceof NotificationCCGet)) return undefined;
      const cc = new NotificationCCReport({
        nodeId: controller.ownNodeId,
        notificationType: receivedCC.notificationType ?? 0x06,
        notificationStatus: 0xff,
        notificationEvent: 0,
      });
      return { action: 'sendCC', cc };
    },
  };
}

/** A lock that reports slots as occupied but masks the PIN (some locks do this): answers User Code Get with "****". */
export function createMaskedCodesBehavior(slotCount: number): MockNodeBehavior {
  return {
    handleCC(controller, self, receivedCC) {
      if (!(receivedCC instanceof UserCodeCCGet) || receivedCC.userId > slotCount) return undefined;
      const status = (self.state.get(userIdStatusKey(receivedCC.userId)) as UserIDStatus | undefined) ?? UserIDStatus.Available;
      const code = self.state.get(userCodeKey(receivedCC.userId));
      const length = typeof code === 'string' || code instanceof Uint8Array ? code.length : 0;
      const cc = new UserCodeCCReport({
        nodeId: controller.ownNodeId,
        userId: receivedCC.userId,
        userIdStatus: status,
        userCode: status === UserIDStatus.Available ? '' : '*'.repeat(length),
      });
      return { action: 'sendCC', cc };
    },
  };
}

/** Commands that change what the lock remembers (codes, schedules, clock). */
const MEMORY_CHANGES = [
  UserCodeCCSet,
  UserCodeCCExtendedUserCodeSet,
  ScheduleEntryLockCCYearDayScheduleSet,
  ScheduleEntryLockCCEnableSet,
  ScheduleEntryLockCCEnableAllSet,
  ScheduleEntryLockCCTimeOffsetSet,
  TimeParametersCCSet,
];

/** Calls `onChange` after a behaviour has stored a code, schedule or clock Set (so the state file can be written). */
export function createCodeChangeObserver(onChange: () => void): MockNodeBehavior {
  return {
    transformResponse(_controller, _self, receivedCC, response) {
      if (MEMORY_CHANGES.some((type) => receivedCC instanceof type)) onChange();
      return response;
    },
  };
}

/** Access Control notification type and its "Keypad unlock operation" event. */
const ACCESS_CONTROL = 0x06;
const KEYPAD_UNLOCK = 0x06;

/**
 * Sends "Keypad unlock operation by user `slot`" to the controller, unsolicited, as a lock does when a code opens the
 * door. The event parameter is a User Code Report with the user id and status and, like many real locks, a masked
 * code (the PIN never goes on the air here). S2-encapsulated when the lock is secure.
 */
export async function sendKeypadUnlock(node: MockNode, slot: number, isSecure: boolean): Promise<void> {
  const status = node.state.get(userIdStatusKey(slot));
  const userCodeReport = Uint8Array.of(0x63, 0x03, slot, typeof status === 'number' ? status : UserIDStatus.Enabled, ...'****'.split('').map((c) => c.charCodeAt(0)));
  let cc: CommandClass = new NotificationCCReport({
    nodeId: node.controller.ownNodeId,
    notificationType: ACCESS_CONTROL,
    notificationEvent: KEYPAD_UNLOCK,
    eventParameters: userCodeReport,
  });
  if (isSecure) cc = Security2CC.encapsulate(cc, node.id, node.securityManagers);
  await node.sendToController(createMockZWaveRequestFrame(cc, { ackRequested: true }));
}

/** Controls over a lock's radio: silence it completely, or drop a share of frames at random (seeded). */
export interface RadioControl {
  setAnswering(isAnswering: boolean): void;
  setDropRate(rate: number): void;
}

/**
 * Makes a mock node ignore frames like a lock out of range or with a weak battery: a dropped frame is never ACKed
 * nor handled, so zwave-js sees exactly what it sees with a real silent lock (no ACK → retries → ZW0204 / node dead).
 * Only request frames are dropped; ACKs for the lock's own reports still arrive, or its pending sends would hang.
 */
export function installRadioControl(node: MockNode, random: () => number, dropRate: number): RadioControl {
  let isAnswering = true;
  let rate = dropRate;
  const original = node.onControllerFrame.bind(node);
  node.onControllerFrame = async (frame) => {
    if (frame.type === MockZWaveFrameType.Request && (!isAnswering || (rate > 0 && random() < rate))) return;
    return original(frame);
  };
  return {
    setAnswering: (value) => {
      isAnswering = value;
    },
    setDropRate: (value) => {
      rate = Math.min(1, Math.max(0, value));
    },
  };
}

import { CommandClasses } from '@zwave-js/core';
import type { MockNodeBehavior } from '@zwave-js/testing';
import {
  CommandClass,
  ScheduleEntryLockCCEnableAllSet,
  ScheduleEntryLockCCEnableSet,
  TimeParametersCCGet,
  TimeParametersCCSet,
  TimeParametersCommand,
} from 'zwave-js';
import { CLOCK_SKEW_KEY, scheduleEnabledKey } from './schedule-memory';

/**
 * zwave-js's mock Schedule Entry Lock behaviour acknowledges Enable Set / Enable All Set but keeps nothing. Keep the
 * per-user flag, so lock memory (and a restart) can show whether a code's schedule is in force.
 */
export function createScheduleEnableBehavior(slotCount: number): MockNodeBehavior {
  return {
    handleCC(_controller, self, receivedCC) {
      if (receivedCC instanceof ScheduleEntryLockCCEnableSet) {
        if (receivedCC.userId < 1 || receivedCC.userId > slotCount) return { action: 'fail' };
        self.state.set(scheduleEnabledKey(receivedCC.userId), receivedCC.enabled);
        return { action: 'ok' };
      }
      if (receivedCC instanceof ScheduleEntryLockCCEnableAllSet) {
        for (let userId = 1; userId <= slotCount; userId++) self.state.set(scheduleEnabledKey(userId), receivedCC.enabled);
        return { action: 'ok' };
      }
      return undefined;
    },
  };
}

/**
 * Time Parameters CC (zwave-js ships no mock behaviour): the lock's clock is real time plus a stored skew. Set stores
 * the skew; Get echoes the date and time fields back. The lock has no Time CC, so zwave-js sends and reads those fields
 * as the laptop's local time (its GH#311 rule): round trips are exact, and the skew is real skew plus the laptop's
 * offset. zwave-js's TimeParametersCCReport cannot serialize itself, so the report is built from raw bytes.
 */
export function createTimeParametersBehavior(now: () => number = Date.now): MockNodeBehavior {
  return {
    handleCC(controller, self, receivedCC) {
      if (receivedCC instanceof TimeParametersCCSet) {
        self.state.set(CLOCK_SKEW_KEY, receivedCC.dateAndTime.getTime() - now());
        return { action: 'ok' };
      }
      if (receivedCC instanceof TimeParametersCCGet) {
        const skew = self.state.get(CLOCK_SKEW_KEY);
        const t = new Date(now() + (typeof skew === 'number' ? skew : 0));
        const year = t.getUTCFullYear();
        const payload = Uint8Array.of(year >> 8, year & 0xff, t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
        const cc = new CommandClass({ nodeId: controller.ownNodeId, ccId: CommandClasses['Time Parameters'], ccCommand: TimeParametersCommand.Report, payload });
        return { action: 'sendCC', cc };
      }
      return undefined;
    },
  };
}

import { UserCodeCCSet, UserCodeCCUsersNumberGet, UserCodeCCUsersNumberReport, UserIDStatus } from 'zwave-js';
import type { MockNode, MockNodeBehavior } from '@zwave-js/testing';
import type { VirtualLockSpec } from './virtual-stick';

/** zwave-js's mock Configuration behaviour keeps a parameter's value in `MockNode.state` under this key. */
export const configValueKey = (param: number): string => `Configuration_value_${param}`;

/**
 * The PIN lengths this virtual lock's keypad takes right now: the one length its PIN-length parameter holds (read from
 * lock memory, so a Configuration Set changes it), else `minCodeLength`–`maxCodeLength` from its spec.
 */
export function keypadTakesLength(spec: VirtualLockSpec, node: Pick<MockNode, 'state'>, length: number): boolean {
  if (spec.pinLengthParam !== undefined) {
    const stored = node.state.get(configValueKey(spec.pinLengthParam));
    const initial = spec.configParams?.find((p) => p.param === spec.pinLengthParam)?.value;
    const required = typeof stored === 'number' ? stored : initial;
    return length === required;
  }
  return length >= spec.minCodeLength && length <= spec.maxCodeLength;
}

/**
 * A keypad that takes only some PIN lengths: a User Code Set with a PIN of another length is acknowledged (and a
 * Supervision Get answered "success") but the slot stays as it was, the way Schlage locks with a PIN-length setting
 * behave (keymaster issues #445, #525: codes of another length "set" and then are not there). Only a read-back shows it.
 */
export function createKeypadLengthBehavior(spec: VirtualLockSpec): MockNodeBehavior {
  return {
    handleCC(_controller, self, receivedCC) {
      if (!(receivedCC instanceof UserCodeCCSet)) return undefined;
      if (receivedCC.userIdStatus === UserIDStatus.Available || receivedCC.userIdStatus === UserIDStatus.StatusNotAvailable) return undefined;
      const length = receivedCC.userCode?.length ?? 0;
      return keypadTakesLength(spec, self, length) ? undefined : { action: 'ok' };
    },
  };
}

/**
 * A lock whose User Code Users Number Report differs from the slots it really has (Yale ZW2 modules report 250 users;
 * slot 251 holds the admin code). zwave-js asks only when the device file does not answer for it.
 */
export function createUsersNumberBehavior(reportedUsers: number): MockNodeBehavior {
  return {
    handleCC(controller, _self, receivedCC) {
      if (!(receivedCC instanceof UserCodeCCUsersNumberGet)) return undefined;
      return { action: 'sendCC', cc: new UserCodeCCUsersNumberReport({ nodeId: controller.ownNodeId, supportedUsers: reportedUsers }) };
    },
  };
}

/** The keypad behaviours a virtual lock's spec asks for: length rules always; a users count when it reports one. */
export function keypadBehaviors(spec: VirtualLockSpec): MockNodeBehavior[] {
  const behaviors = [createKeypadLengthBehavior(spec)];
  if (spec.reportedUserCount !== undefined) behaviors.push(createUsersNumberBehavior(spec.reportedUserCount));
  return behaviors;
}

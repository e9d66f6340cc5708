import type { LockProfile } from '../../../shared/domain/lock';
import { CodedError } from '../../../shared/result';
import type { LockClockReading, LockClockSetting, LockNetwork, SlotReading, YearDayWindow } from '../zwave/lock-network';
import { fakeLockChecksum } from './fake-lock-checksum';

/** Scripted faults for one radio call on the fake network. */
/** `drop_silently`: the Set is acknowledged but the lock keeps nothing (what a checksum or read-back must catch). */
export type FakeFault = 'no_answer' | 'ack_lost' | 'nak' | 'silent_read' | 'drop_silently';

/**
 * An in-memory LockNetwork for unit tests of the layers above Z-Wave: a lock memory per node, a command counter,
 * and a fault script (e.g. the first Set's acknowledgement is lost although the code landed). Like zwave-js, it keeps
 * a cache of what the controller last saw (filled at "interview", updated by reads and acknowledged Sets): `plant()`
 * changes the lock's memory only, like a code typed at the keypad that was never reported. The Z-Wave layer itself is
 * tested against zwave-js's own mock controller.
 */
export class FakeLockNetwork implements LockNetwork {
  readonly homeId = 'fa4efa4e';
  readonly memory = new Map<number, Map<number, string>>();
  readonly faults: FakeFault[] = [];
  commands = 0;
  /** Year-day schedule per node and slot (slot 1 of each user), like a lock's Schedule Entry Lock memory. */
  readonly schedules = new Map<number, Map<number, YearDayWindow>>();
  /** Each lock's clock as last set: offset (standard + DST) and the instant it was set to. */
  readonly clocks = new Map<number, LockClockReading>();
  private readonly availability = new Set<(nodeId: number, isOnline: boolean) => void>();
  private readonly disconnects = new Set<(reason: string) => void>();
  private readonly keypadUnlocks = new Set<(nodeId: number, slot: number, at: Date) => void>();

  /** What the controller last saw per node and slot (the fake's zwave-js cache). */
  private readonly seen = new Map<number, Map<number, string | null>>();

  constructor(readonly profiles: Map<number, LockProfile>) {
    for (const nodeId of profiles.keys()) {
      this.memory.set(nodeId, new Map());
      this.seen.set(nodeId, new Map());
    }
  }

  /** Puts a code into the lock's memory without the controller hearing of it (typed at the keypad, another tool). */
  plant(nodeId: number, slot: number, pin: string): void {
    this.slots(nodeId).set(slot, pin);
  }

  /** Re-reads every slot into the cache, as zwave-js's interview does with queryAllUserCodes. */
  interview(nodeId: number): void {
    const seen = this.seen.get(nodeId)!;
    seen.clear();
    for (const [slot, code] of this.slots(nodeId)) seen.set(slot, code);
  }

  lockNodeIds(): number[] {
    return [...this.profiles.keys()].sort((a, b) => a - b);
  }

  async readProfile(nodeId: number): Promise<LockProfile> {
    const profile = this.profiles.get(nodeId);
    if (!profile) throw new CodedError('lock.not_found', `No node ${nodeId}`);
    const at = new Date().toISOString(); // what the lock answered now (readAt/batteryReadAt stamp the answer)
    return { ...profile, readAt: at, batteryReadAt: profile.batteryLevel === null ? null : at, occupiedSlots: [...this.slots(nodeId).keys()].sort((a, b) => a - b) };
  }

  cachedSlots(nodeId: number): SlotReading[] {
    this.slots(nodeId);
    return [...this.seen.get(nodeId)!].map(([slot, code]): SlotReading => (code === null ? { slot, status: 'available', code: null } : { slot, status: 'enabled', code }));
  }

  /** PIN lengths the fake keypad does not take: such a Set is acknowledged and the slot stays empty (as real locks do). */
  readonly refusedLengths = new Set<number>();

  async setCode(nodeId: number, slot: number, pin: string): Promise<void> {
    this.commands++;
    if (this.refusedLengths.has(pin.length)) return;
    const fault = this.faults.shift();
    if (fault === 'no_answer') throw new CodedError('lock.no_answer', 'no answer');
    if (fault === 'nak') throw new CodedError('lock.not_sent', 'NAK');
    if (fault === 'drop_silently') return this.see(nodeId, slot, pin);
    this.slots(nodeId).set(slot, pin);
    if (fault === 'ack_lost') throw new CodedError('lock.no_answer', 'no answer');
    this.see(nodeId, slot, pin);
  }

  async readCode(nodeId: number, slot: number): Promise<SlotReading | null> {
    this.commands++;
    if (this.faults[0] === 'silent_read') {
      this.faults.shift();
      return null;
    }
    const code = this.slots(nodeId).get(slot);
    this.see(nodeId, slot, code ?? null);
    return code === undefined ? { slot, status: 'available', code: null } : { slot, status: 'enabled', code };
  }

  async clearCode(nodeId: number, slot: number): Promise<void> {
    this.commands++;
    const fault = this.faults.shift();
    if (fault === 'no_answer') throw new CodedError('lock.no_answer', 'no answer');
    this.slots(nodeId).delete(slot);
    this.see(nodeId, slot, null);
  }

  async setYearDaySchedule(nodeId: number, slot: number, window: YearDayWindow): Promise<void> {
    this.commands += 2; // schedule set + enable set, as on Z-Wave
    this.slots(nodeId);
    const forNode = this.schedules.get(nodeId) ?? new Map<number, YearDayWindow>();
    forNode.set(slot, structuredClone(window));
    this.schedules.set(nodeId, forNode);
  }

  async clearSchedules(nodeId: number, slot: number): Promise<void> {
    this.commands += 2;
    this.slots(nodeId);
    this.schedules.get(nodeId)?.delete(slot);
  }

  async readYearDaySchedule(nodeId: number, slot: number): Promise<YearDayWindow | null> {
    this.commands++;
    this.slots(nodeId);
    const window = this.schedules.get(nodeId)?.get(slot);
    return window ? structuredClone(window) : null;
  }

  async readLockClock(nodeId: number): Promise<LockClockReading> {
    this.commands++;
    this.slots(nodeId);
    return { ...(this.clocks.get(nodeId) ?? { offsetMinutes: null, dstOffsetMinutes: null, lockTime: null }) };
  }

  async setLockClock(nodeId: number, setting: LockClockSetting): Promise<void> {
    this.commands++;
    this.slots(nodeId);
    const dst = setting.dstOffsetMinutes ?? 0;
    this.clocks.set(nodeId, { offsetMinutes: setting.offsetMinutes + dst, dstOffsetMinutes: dst, lockTime: setting.utc.toISOString() });
  }

  async readChecksum(nodeId: number): Promise<number | null> {
    this.commands++;
    return fakeLockChecksum(this.slots(nodeId));
  }

  onKeypadUnlock(listener: (nodeId: number, slot: number, at: Date) => void): () => void {
    this.keypadUnlocks.add(listener);
    return () => this.keypadUnlocks.delete(listener);
  }

  /** Simulates someone opening the door with the code in `slot`. */
  keypadUnlock(nodeId: number, slot: number, at = new Date()): void {
    this.keypadUnlocks.forEach((l) => l(nodeId, slot, at));
  }

  /** Nodes that do not answer a ping (a lock out of range); tests add and remove them. */
  readonly silent = new Set<number>();

  async ping(nodeId: number): Promise<boolean> {
    this.commands++;
    this.slots(nodeId);
    const answers = !this.silent.has(nodeId);
    if (answers) this.availability.forEach((l) => l(nodeId, true));
    return answers;
  }

  /** Simulates a lock being marked dead (or alive) by the driver. */
  setAvailability(nodeId: number, isOnline: boolean): void {
    this.availability.forEach((l) => l(nodeId, isOnline));
  }

  commandsSent(): number {
    return this.commands;
  }

  onLockAvailability(listener: (nodeId: number, isOnline: boolean) => void): () => void {
    this.availability.add(listener);
    return () => this.availability.delete(listener);
  }

  onDisconnected(listener: (reason: string) => void): () => void {
    this.disconnects.add(listener);
    return () => this.disconnects.delete(listener);
  }

  /** Simulates the USB stick being pulled. */
  pull(reason = 'serial port closed'): void {
    this.disconnects.forEach((l) => l(reason));
  }

  async close(): Promise<void> {}

  private see(nodeId: number, slot: number, code: string | null): void {
    this.seen.get(nodeId)?.set(slot, code);
  }

  private slots(nodeId: number): Map<number, string> {
    const slots = this.memory.get(nodeId);
    if (!slots) throw new CodedError('lock.not_found', `No node ${nodeId}`);
    return slots;
  }
}

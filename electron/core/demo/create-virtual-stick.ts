import { createAndOpenMockedZWaveSerialPort } from '@zwave-js/serial/mock';
import { MockController, MockNode } from '@zwave-js/testing';
import { createDefaultMockControllerBehaviors, createDefaultMockNodeBehaviors } from 'zwave-js/Testing';
import { randomNetworkKeys } from '../zwave/random-network-keys';
import { createScheduleEnableBehavior, createTimeParametersBehavior } from './clock-behaviors';
import { createBatteryBehavior, createCodeChangeObserver, createMaskedCodesBehavior, createNotificationIdleBehavior, installRadioControl, sendKeypadUnlock } from './lock-behaviors';
import { loadLockMemory, saveLockMemory, slotsFromState, slotsIntoState, STATUS_ENABLED, userCodeKey, userIdStatusKey, type LockMemoryFile, type StoredLock } from './lock-memory';
import { clockFromState, clockIntoState, schedulesFromState, schedulesIntoState, type StoredClock } from './schedule-memory';
import { keypadBehaviors } from './keypad-behaviors';
import { factorySlots, lockNodeCapabilities, YEAR_DAY_SLOTS_PER_USER } from './mock-lock-node';
import { createSeededRandom } from './seeded-random';
import type { VirtualLockHandle, VirtualLockSpec, VirtualStick, VirtualStickOptions } from './virtual-stick';

/** Home id of the virtual network ("LKBE") unless the options give another. */
const VIRTUAL_HOME_ID = 0x4c4b4245;
const KEY_NAMES = ['S0_Legacy', 'S2_Unauthenticated', 'S2_Authenticated', 'S2_AccessControl'] as const;
/**
 * A scheduling lock's clock when it first starts: time zone UTC+0, whatever the site's zone, like a lock fresh out of
 * the box. Note: zwave-js's first interview then writes the LAPTOP's zone into it (Schedule Entry Lock interview), so
 * the demo shows a wrong zone only when the site's zone differs from the laptop's.
 */
const FACTORY_CLOCK: StoredClock = { standardOffset: 0, dstOffset: 0, skewMs: 0 };

/**
 * Starts a virtual Z-Wave stick: zwave-js's MockController on a MockPort, one MockNode per virtual lock, lock memory
 * loaded from and saved to `stateFile`. Wiring follows zwave-js's own mock server (createAndOpenMockedZWaveSerialPort +
 * MockController.create + default behaviours). `stick.port` is the MockPort's binding factory: openZWaveNetwork opens it
 * like any serial port and never learns it is talking to a mock.
 */
export async function createVirtualStick(options: VirtualStickOptions): Promise<VirtualStick> {
  const memory = await loadLockMemory(options.stateFile, options.memoryCipher);
  const securityKeys = options.securityKeys ?? randomNetworkKeys(); // never stored: the app passes its own keys

  // `serial` is only stored by MockController (it drives the mock port through `mockPort` itself); the driver later
  // opens its own stream on the same port through `mockPort.factory()`.
  const { port: mockPort, serial } = await createAndOpenMockedZWaveSerialPort();
  const controller = await MockController.create({
    homeId: options.homeId ?? VIRTUAL_HOME_ID,
    ownNodeId: 1,
    mockPort,
    serial,
    securityKeys: Object.fromEntries(KEY_NAMES.map((name) => [name, Uint8Array.from(securityKeys[name])])),
  });
  controller.defineBehavior(...createDefaultMockControllerBehaviors());

  let saving: Promise<void> = Promise.resolve();
  const nodes = new Map<number, { node: MockNode; spec: VirtualLockSpec }>();
  const save = (): Promise<void> => {
    if (!options.stateFile) return Promise.resolve();
    const file = options.stateFile;
    saving = saving
      .then(() => saveLockMemory(file, snapshot(memory, nodes), options.memoryCipher))
      .catch((e: unknown) => console.error('[virtual stick] could not save lock memory:', e instanceof Error ? e.message : e));
    return saving;
  };

  const random = createSeededRandom(options.seed ?? Date.now());
  const locks = new Map<number, VirtualLockHandle>();
  for (const spec of options.locks) {
    const node = await MockNode.create({ id: spec.nodeId, controller, capabilities: lockNodeCapabilities(spec) });
    controller.addNode(node);
    node.defineBehavior(...createDefaultMockNodeBehaviors());
    const batteryLevel = spec.batteryLevel;
    node.defineBehavior(createBatteryBehavior(() => batteryLevel), createNotificationIdleBehavior(), createCodeChangeObserver(() => void save()));
    if (!spec.revealsCodes) node.defineBehavior(createMaskedCodesBehavior(spec.slotCount));
    node.defineBehavior(...keypadBehaviors(spec));
    const stored = memory.locks[String(spec.nodeId)];
    slotsIntoState(node.state, stored?.slots ?? factorySlots(spec));
    if (spec.nativeScheduling) {
      node.defineBehavior(createScheduleEnableBehavior(spec.slotCount), createTimeParametersBehavior());
      schedulesIntoState(node.state, stored?.schedules ?? {});
      clockIntoState(node.state, stored?.clock ?? FACTORY_CLOCK);
    }
    const radio = installRadioControl(node, random, spec.dropRate);
    nodes.set(spec.nodeId, { node, spec });
    locks.set(spec.nodeId, createHandle(spec, node, radio, save));
  }
  await save();

  return {
    port: { kind: 'binding', factory: mockPort.factory() },
    securityKeys,
    locks,
    save,
    async close() {
      await save();
      controller.destroy();
      mockPort.destroy();
      await serial.close().catch(() => undefined);
    },
  };
}

function createHandle(
  spec: VirtualLockSpec,
  node: MockNode,
  radio: ReturnType<typeof installRadioControl>,
  save: () => Promise<void>,
): VirtualLockHandle {
  return {
    spec,
    storedCodes() {
      const codes = new Map<number, string>();
      for (const [slot, stored] of Object.entries(slotsFromState(node.state, spec.slotCount))) codes.set(Number(slot), stored.code);
      return codes;
    },
    plantCode(slot, pin) {
      node.state.set(userIdStatusKey(slot), STATUS_ENABLED);
      node.state.set(userCodeKey(slot), pin);
      void save();
    },
    setAnswering: radio.setAnswering,
    setDropRate: radio.setDropRate,
    simulateKeypadUnlock: (slot) => sendKeypadUnlock(node, slot, spec.secure),
    storedSchedules: () => (spec.nativeScheduling ? schedulesFromState(node.state, spec.slotCount, YEAR_DAY_SLOTS_PER_USER) : {}),
    storedClock: () => (spec.nativeScheduling ? clockFromState(node.state) : null),
  };
}

function snapshot(memory: LockMemoryFile, nodes: Map<number, { node: MockNode; spec: VirtualLockSpec }>): LockMemoryFile {
  const locks: LockMemoryFile['locks'] = { ...memory.locks };
  for (const [nodeId, { node, spec }] of nodes) {
    const lock: StoredLock = { slots: slotsFromState(node.state, spec.slotCount) };
    if (spec.nativeScheduling) {
      lock.schedules = schedulesFromState(node.state, spec.slotCount, YEAR_DAY_SLOTS_PER_USER);
      lock.clock = clockFromState(node.state);
    }
    locks[String(nodeId)] = lock;
  }
  return { ...memory, locks };
}

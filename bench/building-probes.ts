import { Driver } from 'zwave-js';
import { VirtualNukiLock } from '../electron/core/demo/nuki/virtual-nuki-lock';
import { NUKI_COMMAND } from '../electron/core/nuki/protocol/command-ids';
import { nodeStoreFileSystem } from '../electron/core/store/store-file-system';

/*
 * Probes for the building-commission benchmark: what a path sent on each radio, and what the store wrote, counted by
 * patching shared prototypes and the store's file system while one path runs (bench only; never both paths at once).
 */

/** Radio commands counted while a path ran: Z-Wave commands the driver was asked to send, Nuki commands the locks received. */
export interface RadioCount {
  /** By command class command ("UserCodeCCGet"), every node together. */
  zwave: Record<string, number>;
  /** By Nuki command name ("ADD_KEYPAD_CODE"), every lock together. */
  nuki: Record<string, number>;
}

const NUKI_NAMES = new Map<number, string>(Object.entries(NUKI_COMMAND).map(([name, id]) => [id as number, name]));

/**
 * Counts radio commands until `stop`, for both paths alike: zwave-js's `Driver.sendCommand` (what any caller asks
 * the stick to send, retransmissions inside zwave-js not included) and the virtual Nuki lock's encrypted commands
 * (challenges included). Patches the two prototypes while counting (bench only; one path at a time).
 */
export function countRadioCommands(): { stop(): RadioCount } {
  const count: RadioCount = { zwave: {}, nuki: {} };
  const sendCommand = Driver.prototype.sendCommand;
  const receiveEncrypted = VirtualNukiLock.prototype.receiveEncrypted;
  Driver.prototype.sendCommand = function (this: Driver, ...args: Parameters<Driver['sendCommand']>) {
    const name = args[0].constructor.name;
    count.zwave[name] = (count.zwave[name] ?? 0) + 1;
    return sendCommand.apply(this, args);
  } as Driver['sendCommand'];
  VirtualNukiLock.prototype.receiveEncrypted = function (this: VirtualNukiLock, ...args: Parameters<VirtualNukiLock['receiveEncrypted']>) {
    const name = NUKI_NAMES.get(args[0].commandId) ?? `0x${args[0].commandId.toString(16)}`;
    count.nuki[name] = (count.nuki[name] ?? 0) + 1;
    return receiveEncrypted.apply(this, args);
  };
  return {
    stop() {
      Driver.prototype.sendCommand = sendCommand;
      VirtualNukiLock.prototype.receiveEncrypted = receiveEncrypted;
      return count;
    },
  };
}

/** "UserCodeCCSet 128, UserCodeCCGet 72" (largest first) and the total. */
export function describeCount(byName: Record<string, number>): string {
  const entries = Object.entries(byName).sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((n, [, c]) => n + c, 0);
  return `${total} (${entries.map(([name, c]) => `${name} ${c}`).join(', ')})`;
}

/** What the store wrote durably while counting: files written and fsynced, directory fsyncs, the time in each. */
export interface StoreWrites {
  files: number;
  bytes: number;
  /** Time inside writeFileSynced (write + fsync of the new file), summed (writes of different files overlap). */
  fileMs: number;
  dirSyncs: number;
  dirSyncMs: number;
}

/** Counts the store's durable writes (its file system's writeFileSynced and syncDirectory) until `stop`. */
export function countStoreWrites(): { stop(): StoreWrites } {
  const writes: StoreWrites = { files: 0, bytes: 0, fileMs: 0, dirSyncs: 0, dirSyncMs: 0 };
  const { writeFileSynced, syncDirectory } = nodeStoreFileSystem;
  nodeStoreFileSystem.writeFileSynced = async (file, text) => {
    const started = performance.now();
    try {
      return await writeFileSynced(file, text);
    } finally {
      writes.files += 1;
      writes.bytes += Buffer.byteLength(text);
      writes.fileMs += performance.now() - started;
    }
  };
  nodeStoreFileSystem.syncDirectory = async (dir) => {
    const started = performance.now();
    try {
      return await syncDirectory(dir);
    } finally {
      writes.dirSyncs += 1;
      writes.dirSyncMs += performance.now() - started;
    }
  };
  return {
    stop() {
      Object.assign(nodeStoreFileSystem, { writeFileSynced, syncDirectory });
      return writes;
    },
  };
}

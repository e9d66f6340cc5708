import { startNukiFloor, type NukiFloor } from './building-nuki-floor';
import { countRadioCommands, type RadioCount } from './building-probes';
import { startZWaveFloor, type FloorLoop, type ZWaveFloor } from './building-zwave-floor';

/** One run of the radio floor: wall time until both loops are done, and each loop's own figures. */
export interface FloorRun {
  ms: number;
  zwave: FloorLoop;
  nuki: FloorLoop;
  /** CPU time of this process (user + system) in the timed part. */
  cpuMs: number;
  /** Radio commands of the timed part. */
  radio: RadioCount;
}

/**
 * The radio floor for the building: a bare zwave-js loop over the 16 Z-Wave locks and a bare Nuki protocol loop over
 * the 8 Nuki locks, each on fresh locks of its own radio (started, interviewed and paired first, not timed), run at
 * the same time because they are two independent radios; each goes through its locks one at a time. Timed: from
 * starting both loops until both are done.
 */
export async function radioFloor(seed: number): Promise<FloorRun> {
  const started = await Promise.allSettled([startZWaveFloor(seed), startNukiFloor()]);
  const [zwave, nuki] = started.map((s) => (s.status === 'fulfilled' ? s.value : null)) as [ZWaveFloor | null, NukiFloor | null];
  try {
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const counting = countRadioCommands();
    try {
      const [begin, cpuBefore] = [performance.now(), process.cpuUsage()];
      const [z, n] = await Promise.all([zwave!.run(), nuki!.run()]);
      const ms = performance.now() - begin;
      const cpu = process.cpuUsage(cpuBefore);
      return { ms, zwave: z, nuki: n, radio: counting.stop(), cpuMs: (cpu.user + cpu.system) / 1000 };
    } finally {
      counting.stop();
    }
  } finally {
    await Promise.allSettled([zwave?.close(), nuki?.close()]);
  }
}

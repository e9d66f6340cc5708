import { BUILDING_READY_PREFIX } from '../../electron/host/run-host';
import { startHost, type HostProcess } from './host-process';

/** The building demo's line once it is ready: "Building demo ready: 24 doors on 7 floors". */
const BUILDING_READY = new RegExp(`${BUILDING_READY_PREFIX}(\\d+) doors on (\\d+) floors`);
/** What the host prints when the building demo could not open (the page then shows the site `failed`). */
const BUILDING_FAILED = /building demo did not open: .*/;

/** A browser host with the building demo ready beside the house demo, and how long the start took. */
export interface BuildingHost {
  host: HostProcess;
  doors: number;
  floors: number;
  /** From spawning the host to the building demo's ready line. */
  startMs: number;
}

/**
 * Starts the browser host with `--building` on `dataDir` and resolves once the building demo is ready too (its 24
 * locks interviewed and paired: the first start takes 15–40 s). Rejects with the host's output when the building
 * demo did not open, or is not ready within `timeoutMs`.
 */
export async function startBuildingHost(dataDir: string, timeoutMs = 90_000): Promise<BuildingHost> {
  const started = Date.now();
  const host = await startHost(dataDir, ['--building']);
  try {
    const [doors, floors] = await new Promise<[number, number]>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`building demo not ready in ${timeoutMs} ms:\n${host.output()}`)), timeoutMs - (Date.now() - started));
      const check = () => {
        const ready = BUILDING_READY.exec(host.output());
        if (ready) return done(null, [Number(ready[1]), Number(ready[2])]);
        const failed = BUILDING_FAILED.exec(host.output());
        if (failed) done(new Error(`${failed[0]}\n${host.output()}`));
      };
      const done = (error: Error | null, value?: [number, number]) => {
        clearTimeout(timer);
        host.child.stdout!.off('data', check);
        host.child.stderr!.off('data', check);
        if (error) reject(error);
        else resolve(value!);
      };
      host.child.stdout!.on('data', check);
      host.child.stderr!.on('data', check);
      check();
    });
    return { host, doors, floors, startMs: Date.now() - started };
  } catch (error) {
    await host.stop();
    throw error;
  }
}

import type { AddressInfo } from 'node:net';
import { createDatabase, Fake } from '@seamapi/fake-seam-connect';
import type { FieldCipher } from '../secrets/field-cipher';
import { startDemoCloudFront } from './demo-cloud-front';
import { createFidelityHooks } from './demo-cloud-fidelity';
import { runDeviceRobot } from './demo-cloud-robot';
import { codesOf, devicesOf, eventsOf, type FakeStore } from './demo-cloud-rows';
import { addMissingDevices, seedDemoWorkspace, type DemoCloudDevice } from './demo-cloud-seed';
import { createDemoCloudStateWriter, loadDemoCloudState } from './demo-cloud-state';

export type { DemoCloudDevice } from './demo-cloud-seed';

/**
 * The demo cloud: Seam's own fake server (`@seamapi/fake-seam-connect`) on this machine, so the sync can be shown and
 * tried without a Seam account. Reached only over loopback:
 *
 *   Seam client ─▶ front 127.0.0.1:P (demo-cloud-front.ts: PATCH/PUT/DELETE → POST, fidelity fixes)
 *                    └─▶ fake 127.0.0.1:Q ─▶ database ◀─ device robot (tick), seeLockCode, state file
 */

/** How to start the demo cloud. */
export interface DemoCloudOptions {
  /** Where the demo cloud keeps its database across restarts (same key and device ids); absent, memory only. */
  stateFile?: string;
  /**
   * Seals the state file (it holds the demo key and every PIN of the demo workspace) with the data folder's key, as
   * one value; a file in clear from before is read and written again sealed. Absent: the file is in clear.
   */
  cipher?: FieldCipher;
  /** The locks the demo workspace has (matched by serial number on restart; new ones are added). */
  devices: readonly DemoCloudDevice[];
  /** The demo cloud's clock: the robot's "now" and the time on events (default: the wall clock). */
  now?: () => Date;
  /** How often the device robot runs (default 2 s; 0 = only on `tick()`). */
  robotIntervalMs?: number;
  /** Receives notices (a robot run or a state save that failed). Never receives PINs or the key. */
  log?: (message: string) => void;
}

/** A running demo cloud. */
export interface DemoCloud {
  /** http://127.0.0.1:PORT (a new port at each start). */
  endpoint: string;
  /** The fake's own loopback address behind the front (it speaks only POST for writes; for diagnostics and tests). */
  fakeEndpoint: string;
  /** The demo workspace's API key (local only; kept across restarts with `stateFile`). */
  apiKey: string;
  workspaceId: string;
  /** The devices of the workspace, in the order of `options.devices`. */
  devices: readonly { deviceId: string; serialNumber: string; name: string }[];
  /** The fake's database (zustand store with hoisted state and actions), for tests and the demo bridge. */
  database: FakeStore;
  /** Why the saved state was not used, when it was set aside. */
  notice: string | null;
  /** The cloud reads the lock and finds `code` on it: an unmanaged code, once per PIN and device. */
  seeLockCode(deviceId: string, code: { code: string; name: string }): { accessCodeId: string; isNew: boolean };
  /** Runs the device robot once now; returns how many codes moved. */
  tick(): number;
  /** Writes the state file now (if there is one and anything changed). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the demo cloud (front and fake on 127.0.0.1), from the state file when there is a good one. */
export async function startDemoCloud(options: DemoCloudOptions): Promise<DemoCloud> {
  const now = options.now ?? (() => new Date());
  const db: FakeStore = createDatabase();
  const fake = new Fake(db);

  const cipher = options.cipher ?? null;
  const saved = options.stateFile ? await loadDemoCloudState(options.stateFile, now(), cipher) : { snapshot: null, notice: null, isClear: false };
  let identity: { workspaceId: string; apiKey: string };
  if (saved.snapshot) {
    await fake.loadJSON(saved.snapshot.database as unknown as Parameters<Fake['loadJSON']>[0]);
    identity = { workspaceId: saved.snapshot.workspaceId, apiKey: saved.snapshot.apiKey };
    addMissingDevices(db, identity.workspaceId, options.devices, now());
  } else {
    identity = seedDemoWorkspace(db, options.devices, now());
  }

  let fakePort = 0;
  const front = await startDemoCloudFront(() => fakePort, createFidelityHooks(db, now));
  let server: Awaited<ReturnType<Fake['startServer']>>;
  try {
    // startServer has no host option and calls `server.listen(port)`: handing it listen options binds loopback only.
    server = await fake.startServer({ port: { host: '127.0.0.1', port: 0 } as unknown as number, baseUrl: front.endpoint });
    const address = server.server.address() as AddressInfo | null;
    if (address?.address !== '127.0.0.1') {
      server.close();
      throw new Error('The demo cloud could not bind its server to 127.0.0.1 only.');
    }
    fakePort = address.port;
  } catch (error) {
    await front.close();
    throw error;
  }

  const writer = options.stateFile
    ? createDemoCloudStateWriter(options.stateFile, () => {
        const { simulatedWorkspaceOutages: _outages, ...state } = db.getState();
        return { version: 1, ...identity, database: JSON.parse(JSON.stringify(state)) as Record<string, unknown> };
      }, { cipher, ...(options.log ? { log: options.log } : {}) })
    : null;
  if (writer && cipher && saved.isClear) {
    // Loaded from a file in clear: written sealed twice, so that its .bak (the version replaced) is sealed too.
    for (let i = 0; i < 2; i++) {
      writer.schedule();
      await writer.flush();
    }
  }
  let stamped = eventsOf(db).length;
  const unsubscribe = db.subscribe(() => {
    const events = eventsOf(db);
    const from = stamped;
    stamped = events.length;
    if (options.now && events.length > from) {
      // The fake stamps its events with the wall clock; the demo cloud's clock may be another one (the demo clock).
      const at = now().toISOString();
      db.setState({ events: events.map((e, i) => (i < from ? e : { ...e, created_at: at, occurred_at: at })) });
    }
    writer?.schedule();
  });
  writer?.schedule(); // a new workspace, or devices added to a loaded one

  const intervalMs = options.robotIntervalMs ?? 2_000;
  const robot =
    intervalMs > 0
      ? setInterval(() => {
          try {
            runDeviceRobot(db, now());
          } catch (error) {
            options.log?.(`The demo cloud's device robot failed: ${(error as Error).message}`);
          }
        }, intervalMs)
      : null;
  robot?.unref();

  const bySerial = new Map(devicesOf(db).filter((d) => d.workspace_id === identity.workspaceId).map((d) => [d.properties?.serial_number, d]));
  return {
    endpoint: front.endpoint,
    fakeEndpoint: `http://127.0.0.1:${fakePort}`,
    ...identity,
    devices: options.devices.flatMap((d) => {
      const row = bySerial.get(d.serialNumber);
      return row ? [{ deviceId: row.device_id, serialNumber: d.serialNumber, name: d.name }] : [];
    }),
    database: db,
    notice: saved.notice,
    seeLockCode(deviceId, { code, name }) {
      const existing = codesOf(db).find((c) => c.device_id === deviceId && c.code === code);
      if (existing) return { accessCodeId: existing.access_code_id, isNew: false };
      const device = devicesOf(db).find((d) => d.device_id === deviceId);
      if (!device) throw new Error(`The demo cloud has no device ${deviceId}.`);
      const at = now().toISOString();
      const added = db.addAccessCode({ workspace_id: device.workspace_id, device_id: deviceId, code, name, created_at: at, type: 'ongoing', is_managed: false, status: 'set' });
      db.addEvent({ event_type: 'access_code.unmanaged.created', workspace_id: device.workspace_id, device_id: deviceId, access_code_id: added.access_code_id, created_at: at, occurred_at: at });
      return { accessCodeId: added.access_code_id as string, isNew: true };
    },
    tick: () => runDeviceRobot(db, now()),
    flush: () => writer?.flush() ?? Promise.resolve(),
    async close() {
      if (robot) clearInterval(robot);
      await front.close();
      await fake.stopServer();
      server.server.closeAllConnections();
      unsubscribe();
      await writer?.flush();
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Routes } from '@seamapi/fake-seam-connect';
import type { CloudAccount } from '../../../shared/domain/cloud';
import type { CloudGateway } from './cloud-gateway';
import { startDemoCloud, type DemoCloud, type DemoCloudDevice } from './demo-cloud';
import { demoCloudConsole } from './demo-cloud-console';
import type { FakeCode } from './demo-cloud-rows';
import { createSeamGateway } from './seam-gateway';

/**
 * Test support: a demo cloud (Seam's fake behind the demo cloud's front, on 127.0.0.1) in a temp folder, a gateway
 * holding its key, and helpers that play "someone changed it in Seam's console" or "Seam is down". No network.
 */

/** Two locks: one Seam programs over the network (codes reach 'set' on `tick()`), one it cannot. */
export const FAKE_CLOUD_DEVICES: readonly DemoCloudDevice[] = [
  {
    name: 'Front door',
    manufacturer: 'Schlage',
    model: 'BE469ZP',
    serialNumber: 'SCH-469-0001',
    supportedCodeLengths: [4, 5, 6, 7, 8],
    maxActiveCodes: 30,
    canProgramOnline: true,
    codeConstraints: [{ constraint_type: 'no_zeros' }, { constraint_type: 'name_length', max_length: 20 }],
    batteryLevel: 0.9,
  },
  {
    name: 'Back door',
    manufacturer: 'Yale',
    model: 'YRD256',
    serialNumber: 'YAL-256-0002',
    supportedCodeLengths: [4, 5, 6, 7, 8],
    maxActiveCodes: 250,
    canProgramOnline: false,
    batteryLevel: 0.4,
  },
];

/** The Seam routes the gateway calls: what `outage(true)` takes down. */
export const GATEWAY_ROUTES: (keyof Routes)[] = [
  '/workspaces/get',
  '/devices/list',
  '/devices/get',
  '/access_codes/list',
  '/access_codes/get',
  '/access_codes/create',
  '/access_codes/update',
  '/access_codes/delete',
  '/access_codes/unmanaged/list',
  '/access_codes/unmanaged/update',
  '/events/list',
];

/** A running fake cloud and what tests do to it. */
export interface FakeCloud {
  cloud: DemoCloud;
  /** A gateway with the workspace's key (per-request timeout from the options). */
  gateway: CloudGateway;
  account: CloudAccount;
  /** The temp folder (holds the state file); removed by `close`. */
  dir: string;
  /** Ids of FAKE_CLOUD_DEVICES (or the given devices), in order. */
  deviceIds: string[];
  /** Seam's workspace outage simulation: every gateway route answers 503 while on. */
  outage(on: boolean): void;
  renameInCloud(accessCodeId: string, name: string): void;
  deleteInCloud(accessCodeId: string): void;
  /** A code made in the cloud by someone else (managed unless said otherwise); returns its id. */
  addCodeInCloud(deviceId: string, code: { code: string; name: string; starts_at?: string; ends_at?: string; managed?: boolean }): string;
  /** Every code the cloud has on the device, managed or not (to count duplicates). */
  listAllCodes(deviceId: string): FakeCode[];
  close(): Promise<void>;
}

/** Starts a fake cloud; the robot only runs on `cloud.tick()` unless `robotIntervalMs` says otherwise. */
export async function startFakeCloud(
  options: { devices?: readonly DemoCloudDevice[]; now?: () => Date; timeoutMs?: number; robotIntervalMs?: number } = {},
): Promise<FakeCloud> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lockbench-fake-cloud-'));
  const now = options.now ?? (() => new Date());
  const cloud = await startDemoCloud({
    stateFile: path.join(dir, 'demo-cloud.json'),
    devices: options.devices ?? FAKE_CLOUD_DEVICES,
    robotIntervalMs: options.robotIntervalMs ?? 0,
    ...(options.now ? { now: options.now } : {}),
  });
  const db = cloud.database;
  const account: CloudAccount = { kind: 'demo', workspaceId: cloud.workspaceId, workspaceName: null, endpoint: cloud.endpoint, checkedAt: null };
  const console = demoCloudConsole(cloud, now);

  return {
    cloud,
    gateway: createSeamGateway({ account, secret: cloud.apiKey, now, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }),
    account,
    dir,
    deviceIds: cloud.devices.map((d) => d.deviceId),
    outage(on) {
      if (on) db.simulateWorkspaceOutage(cloud.workspaceId, { routes: GATEWAY_ROUTES });
      else db.simulateWorkspaceOutageRecovery(cloud.workspaceId);
    },
    renameInCloud: (id, name) => console.rename(id, name),
    deleteInCloud: (id) => console.remove(id),
    addCodeInCloud: (deviceId, code) => console.add(deviceId, code),
    listAllCodes: (deviceId) => console.codesOn(deviceId),
    async close() {
      await cloud.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

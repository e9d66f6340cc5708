import type { AccessCode, CodeVersion } from '../../../shared/domain/access-code';
import type { OutboxEntry } from '../../../shared/domain/cloud';
import { isCodedError, type AppError } from '../../../shared/result';
import type { CloudCode, CloudGateway } from '../cloud/cloud-gateway';
import { wasConfirmedOnLock } from '../records/code-records';
import type { DeviceLookups } from './device-lookups';
import { versionOf } from '../../../shared/codes/code-version';
import { cloudVersionOf, decidePull } from './pull-rules';

/** What one outbox entry came to; `outcome-records.ts` writes it to the store. */
export type PushOutcome =
  | { kind: 'linked'; cloud: CloudCode; sent: CodeVersion; how: 'created' | 'found' | 'converted' }
  | { kind: 'updated'; sent: CodeVersion }
  /** The cloud changed the code too since both last agreed: both versions wait for the installer. */
  | { kind: 'conflict'; cloud: CodeVersion }
  | { kind: 'deleted' }
  /** Nothing to send any more (already in the cloud, code gone, door unlinked). */
  | { kind: 'done' }
  /** Not yet possible (the code is not on the lock yet; the cloud has not seen it there yet): try at a later sync. */
  | { kind: 'wait'; message: string }
  | { kind: 'retry'; error: AppError }
  | { kind: 'failed'; error: AppError }
  /** The cloud no longer has the code this entry changes. */
  | { kind: 'gone_in_cloud' }
  /** The whole push stops (key refused, cloud out of reach); the entry is left as it is. */
  | { kind: 'stop'; error: AppError };

/** The code is on its lock now: Lockbench put it there and the lock proved it. */
export function isOnLockNow(code: AccessCode): boolean {
  return wasConfirmedOnLock(code) && code.status !== 'removing' && !code.is_removed;
}

/** A create goes to the cloud as a create (the cloud programs it), not through the lock's unmanaged codes. */
export function createsInCloud(code: AccessCode): boolean {
  return code.scheduled_by === 'cloud';
}

/** The cloud code on the device holding this code's PIN (or, when the cloud hides PINs, its name). */
function sameCode(codes: readonly CloudCode[], code: AccessCode): CloudCode | undefined {
  return codes.find((c) => (c.code !== null ? c.code === code.code : c.name !== null && c.name === code.name));
}

/**
 * Sends one entry (see the outcome kinds). Creates are the only unsafe request (the API has no idempotency key), so:
 * an entry already sent once (`wasSent`: a timeout, a crash) is looked up on the device before anything is sent; a
 * 409 duplicate is "already there" and is looked up and linked. A code Lockbench put on the lock is never created
 * again in the cloud: it is found among the device's unmanaged codes and converted to managed.
 */
export async function pushEntry(entry: OutboxEntry, code: AccessCode | undefined, deviceId: string | null, gateway: CloudGateway, lookups: DeviceLookups, wasSent: boolean): Promise<PushOutcome> {
  if (!code) return { kind: 'done' };
  try {
    switch (entry.kind) {
      case 'create':
        if (code.cloud?.access_code_id) return { kind: 'done' };
        if (!deviceId) return { kind: 'done' };
        return createsInCloud(code) ? await createInCloud(code, deviceId, gateway, lookups, wasSent) : await bringUnderManagement(code, deviceId, gateway, lookups);
      case 'update': {
        const id = code.cloud?.access_code_id;
        if (!id || code.cloud?.removed_in_cloud) return { kind: 'done' };
        if (code.cloud?.conflict) return { kind: 'wait', message: 'Changed in the cloud too: choose a version first.' };
        // Never overwrite a change made in the cloud since both sides last agreed: read it first.
        const current = (deviceId ? (await lookups.managed(deviceId)).find((c) => c.access_code_id === id) : undefined) ?? (await gateway.getCode(id));
        if (!current) return { kind: 'gone_in_cloud' };
        const decision = decidePull(code, cloudVersionOf(current));
        if (decision === 'conflict') return { kind: 'conflict', cloud: { ...cloudVersionOf(current), code: current.code ?? code.code } };
        const sent = versionOf(code);
        if (decision === 'agree') return { kind: 'updated', sent };
        if (decision === 'take_cloud') return { kind: 'done' }; // nothing of the laptop's to send; the pull takes the cloud's
        const window = code.type === 'time_bound' && sent.starts_at && sent.ends_at ? { starts_at: sent.starts_at, ends_at: sent.ends_at } : {};
        await gateway.updateCode(id, { name: sent.name, code: sent.code, ...window });
        return { kind: 'updated', sent };
      }
      case 'delete': {
        const id = code.cloud?.access_code_id;
        if (!id || code.cloud?.removed_in_cloud) return { kind: 'done' };
        await gateway.deleteCode(id);
        return { kind: 'deleted' };
      }
    }
  } catch (e) {
    return outcomeOfError(e, entry);
  }
}

async function createInCloud(code: AccessCode, deviceId: string, gateway: CloudGateway, lookups: DeviceLookups, wasSent: boolean): Promise<PushOutcome> {
  const sent = versionOf(code);
  if (wasSent) {
    const found = sameCode(await lookups.managed(deviceId), code);
    if (found) return { kind: 'linked', cloud: found, sent, how: 'found' };
  }
  try {
    const created = await gateway.createCode({ device_id: deviceId, name: code.name, code: code.code, starts_at: code.starts_at, ends_at: code.ends_at });
    return { kind: 'linked', cloud: created, sent, how: 'created' };
  } catch (e) {
    if (!isCodedError(e) || e.code !== 'sync.duplicate') throw e;
    lookups.forget(deviceId);
    const found = sameCode(await lookups.managed(deviceId), code);
    if (found) return { kind: 'linked', cloud: found, sent, how: 'found' };
    return { kind: 'failed', error: { code: 'sync.duplicate', message: `The cloud already has PIN ${'*'.repeat(code.code.length)} on this lock under another code: ${e.message}` } };
  }
}

async function bringUnderManagement(code: AccessCode, deviceId: string, gateway: CloudGateway, lookups: DeviceLookups): Promise<PushOutcome> {
  const sent = versionOf(code);
  if (!isOnLockNow(code)) return { kind: 'wait', message: 'Waiting until the lock has proved it holds the code; the cloud then takes it over.' };
  const managed = sameCode(await lookups.managed(deviceId), code);
  if (managed) return { kind: 'linked', cloud: managed, sent, how: 'found' };
  const unmanaged = sameCode(await lookups.unmanaged(deviceId), code);
  if (!unmanaged) return { kind: 'wait', message: 'The cloud has not seen this code on the lock yet; Lockbench looks again at the next sync.' };
  await gateway.convertToManaged(unmanaged.access_code_id);
  if (code.name !== unmanaged.name) await gateway.updateCode(unmanaged.access_code_id, { name: code.name });
  lookups.forget(deviceId);
  return { kind: 'linked', cloud: { ...unmanaged, is_managed: true, name: code.name }, sent, how: 'converted' };
}

/** A gateway error as an outcome: stop the push, retry later, or stop this entry with the cloud's message. */
export function outcomeOfError(e: unknown, entry: OutboxEntry): PushOutcome {
  if (!isCodedError(e)) return { kind: 'retry', error: { code: 'sync.failed', message: e instanceof Error ? e.message : String(e) } };
  const error = { code: e.code, message: e.message };
  switch (e.code) {
    case 'sync.unauthorized':
    case 'sync.offline':
    case 'sync.secret_unavailable':
      return { kind: 'stop', error };
    case 'sync.server_error':
      return { kind: 'retry', error };
    case 'sync.not_found':
      return entry.kind === 'create' ? { kind: 'failed', error } : { kind: 'gone_in_cloud' };
    default:
      return { kind: 'failed', error };
  }
}

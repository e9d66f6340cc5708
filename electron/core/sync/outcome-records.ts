import type { AccessCode, CodeCloudState } from '../../../shared/domain/access-code';
import { emptyCloudState } from '../records/code-records';
import type { OutboxEntry } from '../../../shared/domain/cloud';
import type { SiteCodesData } from '../store/store-v2';
import type { CloudCode } from '../cloud/cloud-gateway';
import type { PushOutcome } from './push-entry';
import { localStatusOf } from './pull-rules';

/** Waits before the next try of an entry: 2 s doubling to 5 min, times a random 0.5–1.5 (jitter: many laptops, one cloud). */
export function retryDelayMs(attempts: number, random: () => number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1)) * (0.5 + random());
}

/** The cloud's words with the code's PIN masked: they are stored (not sealed) and shown, and a PIN is kept only sealed. */
export function withoutPin(message: string, pin: string | undefined): string {
  return pin && pin.length > 0 ? message.split(pin).join('•'.repeat(pin.length)) : message;
}


/** What the cloud says about a code (status, errors, warnings), copied onto the local record's cloud state. */
export function copyCloudFacts(state: CodeCloudState, cloud: CloudCode, at: string): void {
  state.status = localStatusOf(cloud) ?? state.status;
  const pin = cloud.code ?? undefined;
  state.errors = cloud.errors.map((e) => ({ error_code: e.error_code, message: withoutPin(e.message, pin), created_at: at }));
  state.warnings = cloud.warnings.map((w) => ({ error_code: w.warning_code, message: withoutPin(w.message, pin), created_at: at }));
  state.synced_at = at;
}

/**
 * Writes one entry's outcome (inside a store update): the entry's state, and for a link the code's cloud id, status and
 * the version both sides now agree on. A `stop` writes nothing. Returns the code when it changed.
 */
export function recordOutcome(data: SiteCodesData, entryId: string, outcome: PushOutcome, deviceId: string | null, now: Date, random: () => number): AccessCode | null {
  const entry = data.outbox.find((e) => e.entry_id === entryId);
  if (!entry || outcome.kind === 'stop') return null;
  const at = now.toISOString();
  const code = data.accessCodes.find((c) => c.access_code_id === entry.access_code_id);
  const finish = (state: OutboxEntry['state'], error: OutboxEntry['last_error'] = null) => Object.assign(entry, { state, last_error: error, updated_at: at, not_before: null });
  switch (outcome.kind) {
    case 'linked': {
      finish('done');
      if (!code) return null;
      const state = code.cloud ?? emptyCloudState(outcome.cloud.device_id || deviceId || '');
      state.access_code_id = outcome.cloud.access_code_id;
      state.device_id = outcome.cloud.device_id || state.device_id;
      state.base = outcome.sent;
      copyCloudFacts(state, outcome.cloud, at);
      code.cloud = state;
      return code;
    }
    case 'updated':
      finish('done');
      if (!code?.cloud) return null;
      code.cloud.base = outcome.sent;
      code.cloud.synced_at = at;
      return code;
    case 'conflict':
      finish('done');
      if (!code?.cloud) return null;
      code.cloud.conflict = { cloud: outcome.cloud, seen_at: at };
      return code;
    case 'deleted':
    case 'gone_in_cloud':
      finish('done');
      if (!code?.cloud) return null;
      code.cloud.removed_in_cloud = true;
      code.cloud.status = null;
      code.cloud.synced_at = at;
      return code;
    case 'done':
      finish('done');
      return null;
    case 'wait':
      entry.last_error = { code: 'sync.not_found', message: outcome.message };
      entry.updated_at = at;
      return null;
    case 'retry':
      entry.attempts += 1;
      entry.last_error = { ...outcome.error, message: withoutPin(outcome.error.message, code?.code) };
      entry.not_before = new Date(now.getTime() + retryDelayMs(entry.attempts, random)).toISOString();
      entry.updated_at = at;
      return null;
    case 'failed': {
      entry.attempts += 1;
      const message = withoutPin(outcome.error.message, code?.code);
      finish('failed', { ...outcome.error, message });
      if (code) {
        code.cloud ??= emptyCloudState(deviceId ?? '');
        code.cloud.errors = [{ error_code: 'sync_rejected', message, created_at: at }];
      }
      return code ?? null;
    }
  }
}

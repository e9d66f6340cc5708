import { SeamHttp } from '@seamapi/http';
import type { CloudAccount } from '../../../shared/domain/cloud';
import { CodedError } from '../../../shared/result';
import type { CloudCode, CloudGateway } from './cloud-gateway';
import { toSyncError, type SeamErrorContext } from './seam-errors';
import { accessCodeEventsOn, supportsAccessCodes, toCloudCode, toCloudEvent, toDeviceFacts, type SeamObject } from './seam-mapping';

/** Per-request timeout when the caller names none: long enough for a slow mobile link, short enough to say "offline". */
export const DEFAULT_CLOUD_TIMEOUT_MS = 15_000;

/** What `createSeamGateway` needs: the stored account, its secret from the vault, and optionally a timeout. */
export interface SeamGatewayOptions {
  account: CloudAccount;
  secret: string;
  /** Per-request timeout in ms (default 15 s). One attempt per call: see `createSeamGateway`. */
  timeoutMs?: number;
  /** Clock for `read_at` on device facts. */
  now?: () => Date;
}

/** The slice of the client's lazy request that paging needs. */
interface PagedRequest {
  readonly responseKey: unknown;
  fetchResponse(): Promise<unknown>;
  withPageCursor(cursor?: string): PagedRequest;
}

const MAX_PAGES = 100;

/**
 * The CloudGateway over Seam's official client (`@seamapi/http` 2.x); the only module that imports it.
 *
 * The client would retry idempotent requests (GET, DELETE) twice with exponential backoff, each attempt with a fresh
 * timeout (axios-retry, shouldResetTimeout): with a 15 s timeout an unanswering cloud would take 45 s+ to show. Retries are turned off here; sync owns retrying (with backoff and
 * a visible "offline" state). Action attempts are not awaited (no hidden polling). A key the client refuses to use
 * (wrong format) surfaces as sync.unauthorized on the first call, not as a throw from this factory.
 */
export function createSeamGateway(options: SeamGatewayOptions): CloudGateway {
  const { account, secret } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLOUD_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const isToken = account.kind === 'personal_access_token';
  const context: SeamErrorContext = { credential: isToken ? 'personal access token' : 'API key', timeoutMs, secrets: [secret] };
  let seam: SeamHttp | null = null;

  const client = (): SeamHttp => {
    if (seam) return seam;
    const clientOptions = { endpoint: account.endpoint, timeout: timeoutMs, axiosRetryOptions: { retries: 0 }, waitForActionAttempt: false };
    if (isToken && !account.workspaceId) {
      throw new CodedError('sync.unauthorized', 'A personal access token needs the workspace id: add it in the cloud account settings.');
    }
    seam = isToken ? SeamHttp.fromPersonalAccessToken(secret, account.workspaceId ?? '', clientOptions) : SeamHttp.fromApiKey(secret, clientOptions);
    return seam;
  };

  /** Runs one cloud call; every failure becomes a sync.* CodedError. `pin` is blanked from messages too. */
  async function call<T>(run: (seam: SeamHttp) => Promise<T>, pin?: string): Promise<T> {
    try {
      return await run(client());
    } catch (error) {
      throw toSyncError(error, pin === undefined ? context : { ...context, secrets: [secret, pin] });
    }
  }

  /** Every item of a list, following Seam's page cursors when the answer has them (the fake's code lists have none). */
  async function all(request: PagedRequest): Promise<SeamObject[]> {
    const items: SeamObject[] = [];
    let page = request;
    for (let n = 0; n < MAX_PAGES; n += 1) {
      const response = (await page.fetchResponse()) as SeamObject;
      const list = response[String(page.responseKey)];
      if (Array.isArray(list)) items.push(...(list as SeamObject[]));
      const pagination = response['pagination'] as { has_next_page?: unknown; next_page_cursor?: unknown } | undefined;
      const cursor = pagination?.next_page_cursor;
      if (pagination?.has_next_page !== true || typeof cursor !== 'string') break;
      page = page.withPageCursor(cursor);
    }
    return items;
  }

  return {
    workspace: () =>
      call(async (s) => {
        const workspace = await s.workspaces.get();
        return { workspace_id: workspace.workspace_id, name: workspace.name };
      }),

    listLocks: () =>
      call(async (s) => {
        const devices = await all(s.devices.list({}));
        const readAt = now();
        return devices.filter(supportsAccessCodes).map((d) => toDeviceFacts(d, readAt));
      }),

    getDevice: (deviceId) => call(async (s) => toDeviceFacts((await s.devices.get({ device_id: deviceId })) as unknown as SeamObject, now())),

    listCodes: (deviceId) =>
      call(async (s) => {
        // Filtered here too: the fake ignores `device_id` and lists unmanaged codes; Seam itself does neither.
        const codes = (await all(s.accessCodes.list({ device_id: deviceId }))).map(toCloudCode);
        return codes.filter((c) => c.device_id === deviceId && c.is_managed);
      }),

    listUnmanaged: (deviceId) =>
      call(async (s) => {
        const codes = (await all(s.accessCodes.unmanaged.list({ device_id: deviceId }))).map(toCloudCode);
        return codes.filter((c) => c.device_id === deviceId && !c.is_managed);
      }),

    getCode: async (accessCodeId) => {
      try {
        const code = await call(async (s) => toCloudCode((await s.accessCodes.get({ access_code_id: accessCodeId })) as unknown as SeamObject));
        return code.is_managed ? code : null;
      } catch (error) {
        if ((error as { code?: unknown }).code === 'sync.not_found') return null;
        throw error;
      }
    },

    createCode: (input) =>
      call(async (s): Promise<CloudCode> => {
        const window = input.starts_at !== null && input.ends_at !== null ? { starts_at: input.starts_at, ends_at: input.ends_at } : {};
        const created = await s.accessCodes.create({
          device_id: input.device_id,
          code: input.code,
          ...(input.name !== null ? { name: input.name } : {}),
          ...window,
        });
        return toCloudCode(created as unknown as SeamObject);
      }, input.code),

    updateCode: (accessCodeId, change) =>
      call(async (s) => {
        // Seam has no "no name": a null name is not sent (the cloud keeps the name it has).
        await s.accessCodes.update({
          access_code_id: accessCodeId,
          ...(typeof change.name === 'string' ? { name: change.name } : {}),
          ...(change.starts_at !== undefined ? { starts_at: change.starts_at } : {}),
          ...(change.ends_at !== undefined ? { ends_at: change.ends_at } : {}),
        });
      }),

    deleteCode: async (accessCodeId) => {
      try {
        await call((s) => s.accessCodes.delete({ access_code_id: accessCodeId }));
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'sync.not_found') throw error;
      }
    },

    convertToManaged: (accessCodeId) =>
      call(async (s) => {
        // unmanaged/update { is_managed: true } is Seam's documented conversion and the fake's only route for it.
        await s.accessCodes.unmanaged.update({ access_code_id: accessCodeId, is_managed: true });
      }),

    listEvents: async (since, deviceIds) => {
      if (deviceIds.length === 0) return [];
      const events = await call((s) => s.events.list({ since, device_ids: [...deviceIds] }));
      return accessCodeEventsOn((events as unknown as SeamObject[]).map(toCloudEvent), deviceIds);
    },
  };
}

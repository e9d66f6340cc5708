import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEAM_ENDPOINT, type CloudAccount, type CloudAccountInput } from '../../../shared/domain/cloud';
import { CodedError, isCodedError } from '../../../shared/result';
import type { CloudGateway } from '../cloud/cloud-gateway';
import type { SecretVault } from '../secrets/secret-vault';
import type { ShardedStore } from '../store/store-v2';

/** The local demo cloud, started on first use: where it listens and its key. */
export interface DemoCloudAccess {
  endpoint: string;
  apiKey: string;
}

/** What the account service needs. */
export interface CloudAccountDeps {
  store: ShardedStore;
  /** Seals the secret (OS keychain in the desktop app; the host's key file in the browser host). */
  vault: SecretVault;
  dataDir: string;
  now: () => Date;
  /** A gateway for an account and its secret (the Seam client; tests may hand another). */
  gatewayFor(account: CloudAccount, secret: string): CloudGateway;
  /** Starts (once) the local demo cloud and says where it is. */
  demoCloud(): Promise<DemoCloudAccess>;
}

/** The cloud account: its stored half, its sealed secret, and the gateway built from both. */
export interface CloudAccounts {
  current(): CloudAccount | null;
  /** Checks the key with the cloud, then keeps it; a refused key changes nothing (its error never holds the key). */
  set(input: CloudAccountInput): Promise<CloudAccount>;
  clear(): Promise<void>;
  /** The gateway for the current account, or null without one. Rejects `sync.secret_unavailable` when the secret cannot be opened. */
  gateway(): Promise<CloudGateway | null>;
}

const SECRET_FILE = 'cloud-secret.sealed';

/**
 * Creates the account service. The secret never goes to the store, a log, the renderer or an error: it is sealed by
 * the vault into its own file in the data folder (0600 like everything there) and opened only to build the gateway.
 * The demo cloud listens on a new loopback port at each start: its endpoint is filled in when it starts.
 */
export function createCloudAccounts(deps: CloudAccountDeps): CloudAccounts {
  const file = join(deps.dataDir, SECRET_FILE);
  let cached: { key: string; gateway: CloudGateway } | null = null;

  async function saveSecret(secret: string): Promise<void> {
    const sealed = await deps.vault.seal(new TextEncoder().encode(secret));
    const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, sealed, { mode: 0o600 });
    await rename(temp, file);
  }

  async function openSecret(): Promise<string> {
    try {
      const opened = await deps.vault.open(new Uint8Array(await readFile(file)));
      return new TextDecoder().decode(opened.bytes);
    } catch (e) {
      const why = isCodedError(e) ? e.message : 'the sealed key file could not be read';
      throw new CodedError('sync.secret_unavailable', `The cloud key could not be opened (${why}). Set the cloud account again.`);
    }
  }

  async function resolve(input: CloudAccountInput): Promise<{ account: CloudAccount; secret: string }> {
    const base = { workspaceName: null, checkedAt: null };
    switch (input.kind) {
      case 'demo': {
        const demo = await deps.demoCloud();
        return { account: { kind: 'demo', workspaceId: null, endpoint: demo.endpoint, ...base }, secret: demo.apiKey };
      }
      case 'api_key':
        return { account: { kind: 'api_key', workspaceId: null, endpoint: input.endpoint ?? SEAM_ENDPOINT, ...base }, secret: input.apiKey };
      case 'personal_access_token':
        return { account: { kind: 'personal_access_token', workspaceId: input.workspaceId, endpoint: input.endpoint ?? SEAM_ENDPOINT, ...base }, secret: input.token };
    }
  }

  return {
    current: () => deps.store.index.read().cloud.account,
    async set(input) {
      const { account, secret } = await resolve(input);
      const gateway = deps.gatewayFor(account, secret);
      const workspace = await gateway.workspace();
      const checked: CloudAccount = { ...account, workspaceId: account.workspaceId ?? workspace.workspace_id, workspaceName: workspace.name, checkedAt: deps.now().toISOString() };
      await saveSecret(secret);
      await deps.store.index.update((data) => {
        data.cloud.account = checked;
      });
      cached = { key: JSON.stringify(checked), gateway };
      return checked;
    },
    async clear() {
      await deps.store.index.update((data) => {
        data.cloud.account = null;
      });
      cached = null;
      await rm(file, { force: true });
    },
    async gateway() {
      let account = deps.store.index.read().cloud.account;
      if (!account) return null;
      if (account.kind === 'demo') {
        const demo = await deps.demoCloud();
        if (demo.endpoint !== account.endpoint) {
          const moved = { ...account, endpoint: demo.endpoint };
          await deps.store.index.update((data) => {
            data.cloud.account = moved;
          });
          account = moved;
        }
      }
      const key = JSON.stringify(account);
      if (cached?.key === key) return cached.gateway;
      const gateway = deps.gatewayFor(account, await openSecret());
      cached = { key, gateway };
      return gateway;
    },
  };
}

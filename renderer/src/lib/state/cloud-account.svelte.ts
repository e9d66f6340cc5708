import { cloudAccountInputSchema, SEAM_ENDPOINT } from '../../../../shared/domain/cloud';
import type { CloudAccount, CloudAccountKind } from '../../../../shared/domain/cloud';
import type { AppError } from '../../../../shared/result';
import type { RendererBridge } from '../bridge/renderer-bridge';

/** The form fields that can be wrong (the secret is the API key or the token, whichever the kind asks for). */
export type CloudAccountField = 'secret' | 'workspaceId' | 'endpoint';

const SCHEMA_FIELD: Record<string, CloudAccountField> = { apiKey: 'secret', token: 'secret', workspaceId: 'workspaceId', endpoint: 'endpoint' };

/**
 * The cloud settings: the saved account (never its secret) and the form to set one. The form is judged on screen with
 * the contract's own schema (messages name the field; shown once a field was typed in or Save was pressed) and again by
 * main, which checks the key with the cloud. The typed secret is cleared after a successful save and is never read
 * back; a refusal keeps everything typed. "Forget account" asks once more first.
 */
export class CloudAccountSettings {
  account = $state<CloudAccount | null>(null);
  isLoading = $state(false);
  loadError = $state<AppError | null>(null);
  /** The form is shown (no account yet, or "Change account"). */
  isEditing = $state(false);
  kind = $state<CloudAccountKind>('demo');
  secret = $state('');
  workspaceId = $state('');
  endpoint = $state('');
  isSaving = $state(false);
  saveError = $state<AppError | null>(null);
  /**
   * Fields the installer has typed in: their problems show from then on, live (not on leaving the field: a message
   * appearing then moves the Save button from under the pointer that is pressing it).
   */
  touched = $state<Partial<Record<CloudAccountField, true>>>({});
  /** Save was pressed: every problem is shown. */
  attempted = $state(false);
  isConfirmingForget = $state(false);
  isForgetting = $state(false);
  forgetError = $state<AppError | null>(null);

  /** What the form would send, checked with the contract's schema. */
  readonly parsed = $derived(cloudAccountInputSchema.safeParse(this.#input()));
  /** Every problem of the form as it is, per field, in words naming the field. */
  readonly problems = $derived<Partial<Record<CloudAccountField, string>>>(this.parsed.success ? {} : this.#problems(this.parsed.error.issues));
  /** The problems to show now: of fields typed in, or all after Save was pressed. */
  readonly shownProblems = $derived<Partial<Record<CloudAccountField, string>>>(
    Object.fromEntries(Object.entries(this.problems).filter(([field]) => this.attempted || this.touched[field as CloudAccountField])),
  );
  /** The secret's field label for the chosen kind. */
  readonly secretLabel = $derived(this.kind === 'personal_access_token' ? 'Personal access token' : 'API key');

  constructor(
    private readonly bridge: RendererBridge,
    private readonly hooks: { onChanged?: (account: CloudAccount | null) => void } = {},
  ) {}

  /** Reads the saved account; the form opens when there is none. */
  async load(): Promise<void> {
    this.isLoading = true;
    const result = await this.bridge.request('cloud.account', {});
    this.isLoading = false;
    if (!result.ok) {
      this.loadError = result.error;
      return;
    }
    this.loadError = null;
    this.account = result.value;
    this.isEditing = result.value === null;
  }

  /** Picks the kind of account; what was typed in the other fields stays. */
  chooseKind(kind: CloudAccountKind): void {
    this.kind = kind;
    this.saveError = null;
  }

  /** The installer typed in a field: its problem shows from now on. */
  touch(field: CloudAccountField): void {
    if (!this.touched[field]) this.touched = { ...this.touched, [field]: true };
  }

  /** Opens the form to replace the saved account (the secret must be typed again: it is never shown). */
  startEditing(): void {
    const account = this.account;
    if (account) {
      this.kind = account.kind;
      this.workspaceId = account.workspaceId ?? '';
      this.endpoint = account.kind !== 'demo' && account.endpoint !== SEAM_ENDPOINT ? account.endpoint : '';
    }
    this.secret = '';
    this.isEditing = true;
  }

  /** Closes the form without saving (only when an account is saved). */
  cancelEditing(): void {
    if (!this.account) return;
    this.isEditing = false;
    this.#resetForm();
  }

  /** Checks the account with the cloud (in main) and keeps it; a refusal keeps everything typed. */
  async save(): Promise<boolean> {
    if (this.isSaving) return false;
    this.attempted = true;
    const parsed = this.parsed;
    if (!parsed.success) return false;
    this.isSaving = true;
    this.saveError = null;
    const result = await this.bridge.request('cloud.setAccount', { account: parsed.data });
    this.isSaving = false;
    if (!result.ok) {
      this.saveError = result.error;
      return false;
    }
    this.account = result.value;
    this.isEditing = false;
    this.#resetForm();
    this.hooks.onChanged?.(result.value);
    return true;
  }

  /** First tap on "Forget account": ask to confirm. */
  askForget(): void {
    this.isConfirmingForget = true;
    this.forgetError = null;
  }

  /** "Keep it": nothing is sent. */
  keep(): void {
    this.isConfirmingForget = false;
  }

  /** Second tap: forgets the account and its secret (what waits for the cloud keeps waiting). */
  async confirmForget(): Promise<boolean> {
    if (!this.isConfirmingForget || this.isForgetting) return false;
    this.isConfirmingForget = false;
    this.isForgetting = true;
    const result = await this.bridge.request('cloud.clearAccount', {});
    this.isForgetting = false;
    if (!result.ok) {
      this.forgetError = result.error;
      return false;
    }
    this.account = null;
    this.isEditing = true;
    this.#resetForm();
    this.hooks.onChanged?.(null);
    return true;
  }

  #input(): unknown {
    const endpoint = this.endpoint.trim() ? { endpoint: this.endpoint.trim() } : {};
    switch (this.kind) {
      case 'demo':
        return { kind: 'demo' };
      case 'api_key':
        return { kind: 'api_key', apiKey: this.secret, ...endpoint };
      case 'personal_access_token':
        return { kind: 'personal_access_token', token: this.secret, workspaceId: this.workspaceId, ...endpoint };
    }
  }

  #problems(issues: ReadonlyArray<{ path: PropertyKey[]; code: string; message: string; maximum?: unknown }>): Partial<Record<CloudAccountField, string>> {
    const out: Partial<Record<CloudAccountField, string>> = {};
    for (const issue of issues) {
      const field = SCHEMA_FIELD[String(issue.path[0])];
      if (!field || out[field]) continue;
      out[field] = this.#words(field, issue);
    }
    return out;
  }

  #words(field: CloudAccountField, issue: { code: string; message: string; maximum?: unknown }): string {
    const label = field === 'secret' ? this.secretLabel : field === 'workspaceId' ? 'Workspace id' : 'Endpoint';
    if (field === 'endpoint' && issue.code !== 'too_big') return 'Endpoint: type a full address starting with https:// (plain http:// only to this computer), or leave it empty for Seam’s';
    if (issue.code === 'too_big') return `${label} is longer than ${String(issue.maximum)} characters`;
    if (issue.code === 'too_small') return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    return `${label}: ${issue.message}`;
  }

  #resetForm(): void {
    this.secret = '';
    this.touched = {};
    this.attempted = false;
    this.saveError = null;
  }
}

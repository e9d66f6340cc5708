import { CodedError, isCodedError, type AppError } from '../../../shared/result';

/**
 * Failures of Seam's client → the sync.* CodedErrors promised in cloud-gateway.ts. Errors are read by shape (the
 * client's SeamHttp*Error classes, axios errors, undici causes), so this file needs no `@seamapi/http` import.
 *
 *   SeamHttpApiError (status + Seam type) ─┐
 *   AxiosError (response, or code/cause) ──┼─▶ status? ─ yes ─▶ unauthorized | duplicate | not_found | server_error | rejected
 *   SeamHttpInvalidTokenError/Options ─────┘         └─ no ──▶ offline (timedOut?) | unauthorized | failed
 *
 * The client's errors carry the request config (headers with the key, bodies with PINs): they are never kept as a
 * cause. Only words, the status and Seam's error type leave here, with every known secret blanked out.
 */

/** What the mapper must know besides the error. */
export interface SeamErrorContext {
  /** How messages name the secret: 'API key' or 'personal access token'. */
  credential: string;
  /** The per-request timeout, for the timeout message. */
  timeoutMs: number;
  /** Strings that must never appear in a message (the key, a PIN being sent). */
  secrets: readonly string[];
}

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  statusCode?: unknown;
  response?: { status?: unknown; data?: unknown };
  cause?: unknown;
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the address was not found',
  EAI_AGAIN: 'the address could not be looked up',
  ECONNRESET: 'the connection was dropped',
  EPIPE: 'the connection was dropped',
  UND_ERR_SOCKET: 'the connection was dropped',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ERR_CANCELED: 'the request was cancelled',
};

/** The sync.* error for a failed Seam request (see the table in cloud-gateway.ts). */
export function toSyncError(error: unknown, context: SeamErrorContext): CodedError {
  if (isCodedError(error)) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorShape;
  const name = typeof e.name === 'string' ? e.name : '';
  const clean = (text: string) => redact(text, context.secrets);

  if (name === 'SeamHttpInvalidTokenError') {
    return new CodedError('sync.unauthorized', `This ${context.credential} is not one Seam issues (Seam keys start with "seam_").`);
  }
  if (name === 'SeamHttpInvalidOptionsError') {
    return new CodedError('sync.unauthorized', `The cloud account settings are incomplete: ${clean(String(e.message))}`);
  }

  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.response?.status === 'number' ? e.response.status : null;
  if (status !== null) return fromStatus(status, cloudError(e, name), context);

  if (name === 'SeamHttpInvalidResponseError') {
    return new CodedError('sync.server_error', `The cloud sent an answer Lockbench cannot read: ${clean(String(e.message))}`, { retryable: true });
  }
  const codes = causeCodes(error);
  if (codes.includes('ETIMEDOUT') || codes.includes('ECONNABORTED') || name === 'TimeoutError') {
    const seconds = Math.round(context.timeoutMs / 100) / 10;
    return new CodedError('sync.offline', `The cloud did not answer within ${seconds} s.`, { timedOut: true, retryable: true });
  }
  const known = codes.find((c) => c in NETWORK_WORDS);
  if (known !== undefined || codes.includes('ERR_NETWORK') || name === 'AbortError') {
    const words = known !== undefined ? NETWORK_WORDS[known] : 'the network failed';
    return new CodedError('sync.offline', `The cloud could not be reached: ${words}.`, { cause: known ?? 'network', retryable: true });
  }
  const message = typeof e.message === 'string' ? clean(e.message) : 'unknown error';
  return new CodedError('sync.failed', `The cloud request failed: ${message}`);
}

/** Seam's `{ error: { type, message } }`, from the client's error or straight from the response body. */
function cloudError(e: ErrorShape, name: string): { type: string | null; message: string | null } {
  if (name.startsWith('SeamHttp')) {
    return { type: typeof e.code === 'string' ? e.code : null, message: typeof e.message === 'string' ? e.message : null };
  }
  const body = e.response?.data as { error?: { type?: unknown; message?: unknown } } | undefined;
  const inner = typeof body === 'object' && body !== null ? body.error : undefined;
  return {
    type: typeof inner?.type === 'string' ? inner.type : null,
    message: typeof inner?.message === 'string' ? inner.message : null,
  };
}

function fromStatus(status: number, cloud: { type: string | null; message: string | null }, context: SeamErrorContext): CodedError {
  const details: AppError['details'] = { status, cloudType: cloud.type };
  const label = cloud.type === null ? `${status}` : `${status} ${cloud.type}`;
  // missing_workspace_id: the credential cannot open a workspace (a token without one). Seam's fake also answers it,
  // with 400, for a wrong key on /workspaces/get: it reports the last of the auth methods it tried.
  if (status === 401 || status === 403 || cloud.type === 'missing_workspace_id') {
    const verb = status === 403 ? 'does not allow this request with' : 'refused';
    return new CodedError('sync.unauthorized', `The cloud ${verb} the ${context.credential} (${label}). Check the key in the cloud account settings.`, {
      ...details,
      retryable: false,
    });
  }
  if (status === 409 || cloud.type === 'duplicate_access_code') {
    // Seam's own message names the PIN ("Cannot set duplicate access code 1234…"): never passed on.
    return new CodedError('sync.duplicate', `The lock already has a code with this PIN in the cloud (${label}).`, { ...details, retryable: false });
  }
  if (status === 404 || cloud.type === 'not_found' || cloud.type?.endsWith('_not_found') === true) {
    return new CodedError('sync.not_found', `The cloud has no such item (${label}).`, { ...details, retryable: false });
  }
  if (status >= 500 || status === 429) {
    const what = status === 429 ? 'is limiting requests' : 'had a server error';
    return new CodedError('sync.server_error', `The cloud ${what} (${label}); Lockbench will try again.`, { ...details, retryable: true });
  }
  if (status >= 400) {
    const message = cloud.message === null ? `The cloud refused the request (${label}).` : redact(cloud.message, context.secrets);
    return new CodedError('sync.rejected', message, { ...details, retryable: false });
  }
  return new CodedError('sync.server_error', `The cloud answered with an unexpected status (${label}).`, { ...details, retryable: true });
}

/** The `code` of the error and of each `cause` below it (undici puts the socket error there). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, message } = current as ErrorShape;
    if (typeof code === 'string') codes.push(code);
    if (typeof message === 'string' && /socket hang up|other side closed/i.test(message)) codes.push('ECONNRESET');
    current = (current as ErrorShape).cause;
  }
  return codes;
}

/** `text` with every secret (4+ characters) blanked. */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join('••••'), text);
}

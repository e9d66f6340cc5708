import { describe, expect, it } from 'vitest';
import { toSyncError } from './seam-errors';

const context = { credential: 'API key', timeoutMs: 15_000, secrets: ['seam_key_0123456789', '4711'] };

/** An error shaped like the client's SeamHttpApiError. */
const apiError = (statusCode: number, code: string, message: string) => Object.assign(new Error(message), { name: 'SeamHttpApiError', statusCode, code });
/** An error shaped like axios's, with a response or a cause. */
const axiosError = (fields: { code?: string; response?: unknown; cause?: unknown }) =>
  Object.assign(new Error('Request failed'), { name: 'AxiosError', isAxiosError: true, ...fields });

describe('Seam failures as sync errors', () => {
  it.each([
    [apiError(401, 'unauthorized', 'API Key not found'), 'sync.unauthorized'],
    [apiError(403, 'forbidden', 'Not allowed'), 'sync.unauthorized'],
    [apiError(409, 'duplicate_access_code', 'Cannot set duplicate access code 4711'), 'sync.duplicate'],
    [apiError(400, 'duplicate_access_code', 'duplicate'), 'sync.duplicate'],
    [apiError(404, 'device_not_found', 'Device not found'), 'sync.not_found'],
    [apiError(400, 'access_code_not_found', 'gone'), 'sync.not_found'],
    [apiError(429, 'rate_limited', 'Slow down'), 'sync.server_error'],
    [apiError(500, 'internal_server_error', 'boom'), 'sync.server_error'],
    [axiosError({ code: 'ERR_BAD_RESPONSE', response: { status: 502, data: '<html>' } }), 'sync.server_error'],
    [axiosError({ code: 'ERR_BAD_REQUEST', response: { status: 422, data: { error: { type: 'invalid_input', message: 'Bad name' } } } }), 'sync.rejected'],
    [axiosError({ code: 'ERR_NETWORK', cause: Object.assign(new Error('getaddrinfo ENOTFOUND connect.getseam.com'), { code: 'ENOTFOUND' }) }), 'sync.offline'],
    [axiosError({ code: 'ERR_NETWORK', cause: new Error('socket hang up') }), 'sync.offline'],
    [axiosError({ code: 'ETIMEDOUT' }), 'sync.offline'],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), 'sync.offline'],
    [Object.assign(new Error('Unknown or invalid apiKey format'), { name: 'SeamHttpInvalidTokenError' }), 'sync.unauthorized'],
    [Object.assign(new Error('expected "access_code"'), { name: 'SeamHttpInvalidResponseError' }), 'sync.server_error'],
    [new TypeError('Required parameters missing for /access_codes/get'), 'sync.failed'],
  ])('%s → %s', (error, code) => {
    const mapped = toSyncError(error, context);
    expect(mapped.code).toBe(code);
    const shown = `${mapped.message}${JSON.stringify(mapped.details ?? {})}`;
    for (const secret of context.secrets) expect(shown).not.toContain(secret);
  });

  it('keeps the cloud\'s words for a refusal, blanking any secret in them', () => {
    const error = toSyncError(apiError(400, 'invalid_input', 'code 4711 does not match the device rules'), context);
    expect(error).toMatchObject({ code: 'sync.rejected', message: 'code •••• does not match the device rules', details: { status: 400, cloudType: 'invalid_input', retryable: false } });
  });

  it('says how long it waited on a timeout, and which network failure it was otherwise', () => {
    expect(toSyncError(axiosError({ code: 'ETIMEDOUT' }), { ...context, timeoutMs: 300 })).toMatchObject({ message: 'The cloud did not answer within 0.3 s.', details: { timedOut: true } });
    const refused = axiosError({ code: 'ERR_NETWORK', cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(toSyncError(refused, context)).toMatchObject({ message: 'The cloud could not be reached: the connection was refused.', details: { cause: 'ECONNREFUSED' } });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { readAccessToken, TOKEN_STORAGE_KEY } from './access-token';

function env(hash: string, stored: string | null = null) {
  const store = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  return {
    location: { hash, pathname: '/', search: '?x=1' },
    storage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
    history: { state: null, replaceState: vi.fn() },
    store,
  };
}

describe('readAccessToken', () => {
  it('takes the token from the fragment, keeps it for reloads and clears the address bar', () => {
    const e = env('#token=abc123');
    expect(readAccessToken(e)).toBe('abc123');
    expect(e.store.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(e.history.replaceState).toHaveBeenCalledWith(null, '', '/?x=1');
  });

  it('uses the stored token after a reload', () => {
    const e = env('', 'abc123');
    expect(readAccessToken(e)).toBe('abc123');
    expect(e.history.replaceState).not.toHaveBeenCalled();
  });

  it('returns null when there is no token anywhere', () => {
    expect(readAccessToken(env('#other=1'))).toBeNull();
  });
});

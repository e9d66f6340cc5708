/**
 * The browser host's access token: it arrives once in the URL fragment (`#token=…`, printed by `npm start`), is kept in
 * sessionStorage so a reload still works, and is then removed from the address bar so it is not shared by accident.
 */

/** The key under which the token is kept for this tab. */
export const TOKEN_STORAGE_KEY = 'lockbench.token';

/** What readAccessToken needs from the browser (injected so tests need no DOM). */
export interface TokenEnv {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/** Returns the access token from the fragment (storing it and clearing the fragment) or from this tab's storage. */
export function readAccessToken(env: TokenEnv): string | null {
  const fragment = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get('token')?.trim();
  if (fromUrl) {
    try {
      env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token still works for this page load.
    }
    env.history.replaceState(env.history.state, '', env.location.pathname + env.location.search);
    return fromUrl;
  }
  try {
    return env.storage.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

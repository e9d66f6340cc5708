import { CodedError } from '../result';

/**
 * The link as a normalised https URL, or `app.link_refused` for anything else: http, file:, mailto:, a custom scheme
 * (which could start a program), a URL with a user name or password in it, or not a URL at all. Both platforms pass
 * every link through it before it is opened (the desktop app by the OS, the browser host by the page).
 */
export function httpsLinkOf(url: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // not a URL: refused below
  }
  if (parsed?.protocol !== 'https:' || parsed.username || parsed.password) {
    throw new CodedError('app.link_refused', 'Lockbench opens only https links (web pages); this link was not opened.');
  }
  return parsed.href;
}

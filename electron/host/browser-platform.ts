import { httpsLinkOf } from '../../shared/links/https-link';
import type { AppLog, PlatformPort } from '../core/ports/platform-port';
import type { SecretVault } from '../core/secrets/secret-vault';

/** How often the wake detector looks at the wall clock. */
export const WAKE_CHECK_INTERVAL_MS = 10_000;
/** How much later than planned a tick must come to count as a sleep (a busy event loop is late by far less). */
export const WAKE_SLACK_MS = 30_000;

/** What the browser host's platform is made of. */
export interface BrowserPlatformOptions {
  /** The host's key-file vault (host-key-vault.ts). */
  secrets: SecretVault;
  /** The host's log (createBrowserLog). */
  log: AppLog;
  /** Between two looks at the clock (default 10 s). */
  intervalMs?: number;
  /** The wall clock in ms (default Date.now). */
  now?: () => number;
}

/**
 * The browser host's platform: files are handed back for the page to download, https links are opened by the page
 * (`in_page`), there are no crash dumps (a Node process leaves none), and a wake from sleep is seen by timer drift:
 *
 *   every 10 s: now − last tick > 10 s + 30 s ? ─▶ the computer slept: call the listeners
 *
 * The timer runs only while someone listens, and is unref'd (it never keeps the host alive).
 */
export function createBrowserPlatform(options: BrowserPlatformOptions): PlatformPort {
  const { log } = options;
  const intervalMs = options.intervalMs ?? WAKE_CHECK_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let lastTick = 0;

  const tick = (): void => {
    const at = now();
    const slept = at - lastTick > intervalMs + WAKE_SLACK_MS;
    lastTick = at;
    if (!slept) return;
    for (const listener of [...listeners]) {
      try {
        listener();
      } catch (e) {
        log.error(`a wake-from-sleep listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };

  return {
    saveFile: async (file) => ({ outcome: 'download', file }),
    secrets: options.secrets,
    log,
    onResume(listener) {
      // A wrapper per call: the same function subscribed twice is stopped one subscription at a time.
      const entry = (): void => listener();
      listeners.add(entry);
      if (!timer) {
        lastTick = now();
        timer = setInterval(tick, intervalMs);
        timer.unref();
      }
      return () => {
        listeners.delete(entry);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    async openLink(url) {
      httpsLinkOf(url);
      return 'in_page';
    },
    crashDumps: async () => [],
  };
}

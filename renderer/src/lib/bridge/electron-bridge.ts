import type { RawBridge } from '../../../../shared/bridge';
import type { RequestChannel } from '../../../../shared/contract';
import { disconnected, parseEvent, parseResult, warnMismatch } from './validate';
import type { MismatchReporter } from './validate';
import type { RendererBridge } from './renderer-bridge';

/**
 * Wraps the Electron preload's untyped RawBridge (window.lockbench) into a typed bridge that checks every answer and
 * event against the contract. A rejected invoke (the preload or main threw) becomes an error result, never a throw.
 */
export function createElectronBridge(raw: RawBridge, report: MismatchReporter = warnMismatch): RendererBridge {
  return {
    linkState: 'up',
    onLinkChange: () => () => {},
    async request(channel, payload) {
      let answer: unknown;
      try {
        answer = await raw.invoke(channel, payload);
      } catch {
        return disconnected('Lockbench did not answer; the main process may have restarted.');
      }
      return parseResult(channel as RequestChannel, answer, report) as never;
    },
    on(channel, listener) {
      return raw.subscribe(channel, (payload) => {
        const parsed = parseEvent(channel, payload, report);
        if (parsed !== null) listener(parsed);
      });
    },
  };
}

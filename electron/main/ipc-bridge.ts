import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { fail, type Result } from '../../shared/result';
import type { Dispatch } from '../core/ipc/dispatcher';
import type { EventHub } from '../core/ipc/event-hub';
import { createInFlightLimit } from '../core/ipc/in-flight-limit';
import { EVENT_IPC, REQUEST_IPC } from '../preload/ipc-channels';
import { isTrustedSender, type RendererPage, type SenderFacts } from './renderer-page';

/** What the IPC bridge needs: Electron's ipcMain, the dispatcher, the window it trusts (null while there is none) and our page. */
export interface IpcBridgeOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatch: Dispatch;
  getWindow: () => BrowserWindow | null;
  page: RendererPage;
  log: (line: string) => void;
}

/**
 * Serves the contract over Electron IPC: one `ipcMain.handle` channel; the sender must be the main frame of our
 * window showing our page (else ipc.forbidden), then the dispatcher validates and routes; more than MAX_IN_FLIGHT
 * requests at once get `ipc.busy`. Returns an unregister.
 */
export function registerIpcBridge(options: IpcBridgeOptions): () => void {
  const { ipcMain } = options;
  const limit = createInFlightLimit(); // one window: one limit
  ipcMain.handle(REQUEST_IPC, async (event: IpcMainInvokeEvent, message: unknown): Promise<Result<unknown>> => {
    const window = options.getWindow();
    const webContentsId = window && !window.isDestroyed() ? window.webContents.id : null;
    if (!isTrustedSender(senderFacts(event), webContentsId, options.page)) {
      options.log('[ipc] refused a request from an unexpected sender');
      return fail('ipc.forbidden', 'This page may not talk to Lockbench.');
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return fail('ipc.invalid_request', 'A request must be an object with a channel and a payload.');
    }
    const { channel, payload } = message as { channel?: unknown; payload?: unknown };
    return limit.run(() => options.dispatch(channel, payload));
  });
  return () => ipcMain.removeHandler(REQUEST_IPC);
}

/** Pushes every service event to the window while it exists. Returns an unsubscribe. */
export function forwardEvents(events: EventHub, getWindow: () => BrowserWindow | null): () => void {
  return events.subscribe((channel, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) {
      window.webContents.send(EVENT_IPC, { channel, payload });
    }
  });
}

/** Reads the sender from Electron's objects. Frames are compared by tree node id (WebFrameMain objects may differ). */
function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  if (!frame || frame.detached) return { webContentsId: event.sender.id, frame: null };
  const isMainFrame = frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId;
  return { webContentsId: event.sender.id, frame: { url: frame.url, isMainFrame } };
}

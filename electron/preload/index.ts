/**
 * The Electron preload (sandboxed, bundled to out/preload/index.cjs): exposes `window.lockbench`, a RawBridge that
 * forwards requests to main and delivers push events. No logic beyond refusing names outside the contract; main
 * validates every payload anyway. Imports only 'electron' and modules with no runtime dependencies.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RawBridge } from '../../shared/bridge';
import { fail } from '../../shared/result';
import { EVENT_IPC, eventChannelNames, REQUEST_IPC, requestChannelNames } from './ipc-channels';

const requestNames = new Set<string>(requestChannelNames);
const eventNames = new Set<string>(eventChannelNames);

const rawBridge: RawBridge = {
  invoke(channel, payload) {
    if (!requestNames.has(channel)) return Promise.resolve(fail('ipc.unknown_channel', 'Unknown request channel.'));
    return ipcRenderer.invoke(REQUEST_IPC, { channel, payload });
  },
  subscribe(channel, listener) {
    if (!eventNames.has(channel)) return () => {};
    const onEvent = (_event: IpcRendererEvent, message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { channel?: unknown }).channel === channel) {
        listener((message as { payload?: unknown }).payload);
      }
    };
    ipcRenderer.on(EVENT_IPC, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_IPC, onEvent);
    };
  },
};

contextBridge.exposeInMainWorld('lockbench', rawBridge);

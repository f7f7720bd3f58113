import { requestChannel, requestNames } from '../../shared/ipc/ipcContract.js';
import { ipcMain, type IpcMainInvokeEvent } from '../platform/electronApi.js';
import { createIpcDispatcher, type IpcHandlers } from './ipcDispatcher.js';
import type { SenderFacts } from './senderCheck.js';

export function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame !== undefined && frame.parent === null,
    webContentsId: event.sender.id,
  };
}

/** One `ipcMain.handle` per request of the contract, each through the checking dispatcher. */
export function registerIpc(
  handlers: IpcHandlers,
  trusted: () => ReadonlySet<number>,
  log: (line: string) => void,
): void {
  const dispatch = createIpcDispatcher(handlers, trusted, log);
  for (const name of requestNames)
    ipcMain.handle(requestChannel(name), (event, raw: unknown) =>
      dispatch(name, senderFacts(event), raw),
    );
}

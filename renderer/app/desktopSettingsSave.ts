import type { SettingsPatch } from '../../shared/ipc/desktopSettings.js';
import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import type { IpcError } from '../../shared/ipc/ipcViews.js';
import type { AppStore } from '../state/createAppStore.js';

/** An IPC failure as one sentence for the operator: what did not happen, and main's reason. */
export function desktopErrorSentence(error: IpcError, what = 'Not saved'): string {
  const reason = error.message.trim() || `the desktop app answered ${error.code}`;
  return `${what}: ${reason}${/[.!?]$/.test(reason) ? '' : '.'}`;
}

/**
 * Every change of the desktop settings goes through here: `updateSettings`, then the answer
 * (the whole settings as saved) into the store. Resolves with null, or the error sentence.
 */
export async function saveDesktopSettings(
  store: AppStore,
  api: NocturneApi,
  patch: SettingsPatch,
): Promise<string | null> {
  const result = await api.updateSettings({ patch });
  if (!result.ok) return desktopErrorSentence(result.error);
  store.getState().setDesktop({ settings: result.value });
  return null;
}

import { useCallback, useState } from 'react';
import type { SettingsPatch } from '../../../shared/ipc/desktopSettings.js';
import type { IpcResult } from '../../../shared/ipc/ipcViews.js';
import { desktopErrorSentence, saveDesktopSettings } from '../../app/desktopSettingsSave.js';
import { useServices, type DesktopServices } from '../../app/services.js';

/** The desktop app's services; only the desktop sections of the settings view use this. */
export function useDesktop(): DesktopServices {
  const { desktop } = useServices();
  if (!desktop) throw new Error('useDesktop() outside the desktop app');
  return desktop;
}

/**
 * A settings section's requests to the desktop app: `save(patch)` for a setting (through
 * `updateSettings`), `run(call, what)` for the others (pause, add an engine, open a wall). The
 * section shows `error`, the last failure as a sentence, until the next attempt.
 */
export function useDesktopCall() {
  const { store } = useServices();
  const { api } = useDesktop();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async <T>(call: () => Promise<IpcResult<T>>, what: string): Promise<T | null> => {
      setBusy(true);
      setError(null);
      const result = await call();
      setBusy(false);
      if (result.ok) return result.value;
      setError(desktopErrorSentence(result.error, what));
      return null;
    },
    [],
  );
  const save = useCallback(
    async (patch: SettingsPatch) => {
      setBusy(true);
      setError(null);
      setError(await saveDesktopSettings(store, api, patch));
      setBusy(false);
    },
    [store, api],
  );
  return { api, run, save, error, setError, busy };
}

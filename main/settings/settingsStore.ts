import type { DesktopSettings } from '../../shared/ipc/desktopSettings.js';
import { loadSettings, saveSettings, type LoadedSettings } from './settingsFile.js';

/** The settings in memory, saved on every change, with listeners (tray, windows, engines). */
export class SettingsStore {
  private current: DesktopSettings;
  private readonly listeners = new Set<(settings: DesktopSettings) => void>();
  readonly problem: LoadedSettings['problem'];

  constructor(private readonly file: string) {
    const loaded = loadSettings(file);
    this.current = loaded.settings;
    this.problem = loaded.problem;
  }

  get value(): DesktopSettings {
    return this.current;
  }

  update(change: (settings: DesktopSettings) => DesktopSettings): DesktopSettings {
    const next = change(this.current);
    saveSettings(this.file, next);
    this.current = next;
    for (const listener of this.listeners) listener(next);
    return next;
  }

  onDidChange(listener: (settings: DesktopSettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

import type { StateCreator } from 'zustand/vanilla';
import type { DesktopSettingsView } from '../../shared/ipc/desktopSettings.js';
import type { EngineView, PauseView } from '../../shared/ipc/ipcViews.js';
import type { AppState } from './appState.js';

/**
 * What the desktop app tells the console (docs/desktop.md, "The console in the desktop app"):
 * main's engines, the one shown, the settings file, the notifications' pause. Kept up to date by
 * ../app/desktopConsole.ts from the bridge's events.
 */
export interface DesktopState {
  readonly engines: readonly EngineView[];
  /** The engine the console shows (EngineView.id); null while none is chosen or none exists. */
  readonly engineId: string | null;
  /** Null until the first `getSettings` answers. */
  readonly settings: DesktopSettingsView | null;
  /** Null until main reports it (a pause or resume, from here or from the tray). */
  readonly pause: PauseView | null;
}

export interface DesktopSlice {
  /** Null in a browser: the console runs without the desktop app. */
  readonly desktop: DesktopState | null;
  setDesktop(change: Partial<DesktopState>): void;
}

const empty: DesktopState = { engines: [], engineId: null, settings: null, pause: null };

export const createDesktopSlice: StateCreator<AppState, [], [], DesktopSlice> = (set) => ({
  desktop: null,
  setDesktop: (change) => set((state) => ({ desktop: { ...(state.desktop ?? empty), ...change } })),
});

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { NocturneApi } from '../../shared/ipc/ipcContract.js';
import type { AppState } from '../state/appState.js';
import type { AppStore } from '../state/createAppStore.js';
import type { AlertActions } from './alertActions.js';
import type { FocusTarget } from './desktopFocus.js';
import type { SessionController } from './sessionController.js';

/** What views reach besides the store: made once in ../main.tsx, handed down by context. */
export interface AppServices {
  readonly store: AppStore;
  readonly session: SessionController;
  readonly alertActions: AlertActions;
  /** The current page time (ms); `Date.now` in the app, fixed in tests. */
  readonly now: () => number;
  /** In the desktop app: the preload bridge and the engine shown; absent in a browser. */
  readonly desktop?: DesktopServices | null;
}

/** What only the desktop app has (renderer/app/desktopBootstrap.ts makes it). */
export interface DesktopServices {
  /** `window.nocturne`, the preload bridge (shared/ipc/ipcContract.ts). */
  readonly api: NocturneApi;
  /** The engine the console shows now: `embedded`, `remote-…` (EngineView.id); '' if none. */
  readonly engineId: () => string;
  /** Shows another of the app's engines and remembers the choice; null, or the error sentence. */
  readonly selectEngine: (engineId: string) => Promise<string | null>;
  /**
   * Opens an alert of any engine on its own page, as a clicked notification does (switching the
   * engine shown, not the one remembered). Absent in tests that do not need it.
   */
  readonly focusAlert?: (target: FocusTarget) => void;
}

export const ServicesContext = createContext<AppServices | null>(null);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesContext.Provider>');
  return services;
}

/**
 * Reads the store. Select one value, or use `useShallow` for a few; derived lists come from
 * the memoised selectors of ../state/selectors/ (CONVENTIONS.md).
 */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}

/** The store's actions never change: reading them re-renders nothing. */
export function useActions(): AppState {
  return useServices().store.getState();
}

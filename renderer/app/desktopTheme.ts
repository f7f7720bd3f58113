import type { Theme as DesktopTheme } from '../../shared/ipc/desktopSettings.js';
import type { AppStore } from '../state/createAppStore.js';
import type { Theme } from '../state/preferences.js';

/** `prefers-color-scheme: dark`, which follows main's `nativeTheme.themeSource`. */
export interface ColorSchemeQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

/** The console's theme for the desktop setting: `system` follows the operating system. */
export function rendererTheme(desktop: DesktopTheme, systemPrefersDark: boolean): Theme {
  if (desktop === 'system') return systemPrefersDark ? 'dark' : 'light';
  return desktop;
}

/**
 * Keeps the console's theme and the desktop app's setting in step: the setting (loaded, changed
 * in the settings view or by another window) sets the console's theme; a theme the console
 * changes by itself is saved to the setting. No query (tests): the system counts as dark.
 */
export function bindDesktopTheme(
  store: AppStore,
  save: (theme: DesktopTheme) => void,
  media: ColorSchemeQuery | null,
): () => void {
  const resolve = (desktop: DesktopTheme) => rendererTheme(desktop, media?.matches ?? true);
  const apply = () => {
    const state = store.getState();
    const desktop = state.desktop?.settings?.theme;
    if (desktop && state.ui.theme !== resolve(desktop)) state.setTheme(resolve(desktop));
  };
  const unsubscribe = store.subscribe((state, previous) => {
    const desktop = state.desktop?.settings?.theme;
    if (desktop !== previous.desktop?.settings?.theme) return apply();
    if (state.ui.theme !== previous.ui.theme && desktop && resolve(desktop) !== state.ui.theme) {
      save(state.ui.theme);
    }
  });
  media?.addEventListener('change', apply);
  apply();
  return () => {
    unsubscribe();
    media?.removeEventListener('change', apply);
  };
}

import type { BrowserWindowConstructorOptions, WebPreferences } from '../platform/electronApi.js';
import type { Rect } from '../../shared/ipc/desktopSettings.js';

/**
 * The options of every window (pure): Electron's security checklist items that are options. Each
 * is set explicitly even where it is Electron's default, so that a changed default or a careless
 * edit shows in review and in test/desktop/windowSecurity.test.ts.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
    safeDialogs: true,
  };
}

export function consoleWindowOptions(
  bounds: Rect,
  preloadPath: string,
  iconPath: string,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Nocturne',
    icon: iconPath,
    show: false,
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** A wall screen covers its display: fullscreen, or kiosk (no way out but the tray). */
export function wallWindowOptions(
  bounds: Rect,
  preloadPath: string,
  iconPath: string,
  kiosk: boolean,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    title: 'Nocturne wall display',
    icon: iconPath,
    show: false,
    frame: false,
    fullscreen: !kiosk,
    kiosk,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

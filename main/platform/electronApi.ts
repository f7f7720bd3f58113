/**
 * The one place main/ imports Electron. Everything else imports from here, so that unit tests
 * replace Electron with `vi.mock('electron', …)` at one seam (test/desktop/electronMock.ts), and
 * modules of pure logic never touch it. (Importing the real `electron` package under plain
 * Node would not give these objects anyway: it exports the binary's path and may start a
 * download of it.)
 */
export {
  app,
  BrowserWindow,
  Menu,
  Tray,
  ipcMain,
  nativeImage,
  nativeTheme,
  net,
  powerSaveBlocker,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
export type {
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Rectangle,
  Session,
  WebContents,
  WebPreferences,
} from 'electron';

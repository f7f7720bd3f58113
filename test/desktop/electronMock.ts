/**
 * A stand-in for the parts of Electron that main/ uses, for `vi.mock('electron', …)`:
 *
 *   vi.mock('electron', async () => (await import('./electronMock.js')).electronMock());
 *
 * It records what main does (window options, handlers registered, URLs loaded) so tests can
 * assert the security settings without an Electron binary.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: any[]) => any;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: Handler | null = null;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  isLoading() {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  destroyed = false;
  constructor(readonly options: Record<string, any>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  static getAllWindows() {
    return FakeBrowserWindow.created.filter((w) => !w.destroyed);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    const { x = 0, y = 0, width = 800, height = 600 } = this.options;
    return { x, y, width, height };
  }
  /** What the user's close button does: 'close' (cancellable), then 'closed'. */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export const fakeSession = {
  permissionRequestHandler: null as Handler | null,
  permissionCheckHandler: null as Handler | null,
  devicePermissionHandler: null as Handler | null,
  headersReceived: null as Handler | null,
  setPermissionRequestHandler(h: Handler) {
    this.permissionRequestHandler = h;
  },
  setPermissionCheckHandler(h: Handler) {
    this.permissionCheckHandler = h;
  },
  setDevicePermissionHandler(h: Handler) {
    this.devicePermissionHandler = h;
  },
  webRequest: {
    onHeadersReceived(h: Handler) {
      fakeSession.headersReceived = h;
    },
  },
};

export const fakeDisplays = {
  list: [
    {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
    },
    {
      id: 2,
      bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
      workArea: { x: 1920, y: 0, width: 2560, height: 1400 },
    },
  ],
  primaryId: 1,
};

export const powerSaveCalls: string[] = [];
export const openedExternally: string[] = [];
export const ipcHandlers = new Map<string, Handler>();
export const protocolHandlers = new Map<string, Handler>();
export const privilegedSchemes: unknown[] = [];

export function electronMock() {
  let blockerIds = 0;
  return {
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: fakeSession },
    screen: {
      getAllDisplays: () => fakeDisplays.list,
      getPrimaryDisplay: () => fakeDisplays.list.find((d) => d.id === fakeDisplays.primaryId)!,
    },
    powerSaveBlocker: {
      start: (type: string) => {
        powerSaveCalls.push(`start:${type}`);
        return ++blockerIds;
      },
      stop: (id: number) => powerSaveCalls.push(`stop:${id}`),
    },
    shell: { openExternal: async (url: string) => void openedExternally.push(url) },
    ipcMain: { handle: (channel: string, h: Handler) => ipcHandlers.set(channel, h) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
      handle: (scheme: string, h: Handler) => protocolHandlers.set(scheme, h),
    },
    app: {},
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    Tray: class {},
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    nativeTheme: {},
    net: {},
    safeStorage: {},
  };
}

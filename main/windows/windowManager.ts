import { randomBytes } from 'node:crypto';
import type { EventName, IpcEvents } from '../../shared/ipc/ipcContract.js';
import { eventChannel } from '../../shared/ipc/ipcContract.js';
import type { DisplayView } from '../../shared/ipc/ipcViews.js';
import { BrowserWindow, powerSaveBlocker, screen } from '../platform/electronApi.js';
import type { SettingsStore } from '../settings/settingsStore.js';
import { consoleUrl, wallUrl } from './appOrigin.js';
import { displayOf, placeWallWindow, placeWindow, type DisplayInfo } from './placement.js';
import { guardWebContents, type GuardDeps } from './webContentsGuards.js';
import { consoleWindowOptions, wallWindowOptions } from './windowOptions.js';

export interface WindowManagerDeps extends GuardDeps {
  readonly preloadPath: string;
  readonly iconPath: string;
  readonly settings: SettingsStore;
  readonly isQuitting: () => boolean;
  /** A window's webContents went away: drop its subscriptions. */
  readonly onWindowGone: (webContentsId: number) => void;
}

function displays(): DisplayInfo[] {
  const primaryId = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({
    id: d.id,
    bounds: d.bounds,
    workArea: d.workArea,
    primary: d.id === primaryId,
  }));
}

/**
 * The console window (one; closing hides it, the app stays in the tray) and the wall windows
 * (any number, one per chosen display, fullscreen or kiosk, kept awake by a power-save blocker
 * while any is open). Placements are saved in the settings and restored at the next start.
 */
export class WindowManager {
  private consoleWindow: BrowserWindow | null = null;
  private readonly walls = new Map<string, BrowserWindow>();
  private readonly ids = new Set<number>();
  private blockerId: number | null = null;

  constructor(private readonly deps: WindowManagerDeps) {}

  /** The webContents ids of our windows: the IPC sender check's allow-list. */
  get webContentsIds(): ReadonlySet<number> {
    return this.ids;
  }

  listDisplays(): DisplayView[] {
    return displays().map((d, index) => ({
      id: d.id,
      label: `Display ${index + 1} (${d.bounds.width}×${d.bounds.height})${d.primary ? ', primary' : ''}`,
      primary: d.primary,
      bounds: d.bounds,
    }));
  }

  showConsole(): BrowserWindow {
    if (this.consoleWindow && !this.consoleWindow.isDestroyed()) {
      if (this.consoleWindow.isMinimized()) this.consoleWindow.restore();
      this.consoleWindow.show();
      this.consoleWindow.focus();
      return this.consoleWindow;
    }
    const placement = placeWindow(displays(), this.deps.settings.value.consoleWindow, {
      width: 1280,
      height: 820,
    });
    const win = new BrowserWindow(
      consoleWindowOptions(placement.bounds, this.deps.preloadPath, this.deps.iconPath),
    );
    this.track(win);
    this.consoleWindow = win;
    win.once('ready-to-show', () => win.show());
    win.on('close', (event) => {
      this.savePlacement(win);
      if (this.deps.isQuitting()) return;
      // Closing keeps Nocturne in the tray: the engines and notifications live in main.
      event.preventDefault();
      win.hide();
    });
    win.on('closed', () => {
      if (this.consoleWindow === win) this.consoleWindow = null;
    });
    void win.loadURL(consoleUrl);
    return win;
  }

  /** Opens a wall window on a display (null: the primary), or with a saved id (restoring). */
  openWall(displayId: number | null, savedId?: string): BrowserWindow {
    const id = savedId ?? `wall-${randomBytes(4).toString('hex')}`;
    const saved = this.deps.settings.value.wall.windows.find((w) => w.id === id);
    const placement = placeWallWindow(displays(), displayId ?? saved?.displayId ?? null);
    const kiosk = saved?.kiosk ?? true;
    const win = new BrowserWindow(
      wallWindowOptions(placement.bounds, this.deps.preloadPath, this.deps.iconPath, kiosk),
    );
    this.track(win);
    this.walls.set(id, win);
    this.updateBlocker();
    this.deps.settings.update((s) => ({
      ...s,
      wall: {
        ...s.wall,
        windows: [
          ...s.wall.windows.filter((w) => w.id !== id),
          { id, displayId: placement.displayId, bounds: placement.bounds, kiosk },
        ],
      },
    }));
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      this.walls.delete(id);
      this.updateBlocker();
      // Closed by the user: forget it. Closed by quitting: reopen it at the next start.
      if (!this.deps.isQuitting())
        this.deps.settings.update((s) => ({
          ...s,
          wall: { ...s.wall, windows: s.wall.windows.filter((w) => w.id !== id) },
        }));
    });
    void win.loadURL(wallUrl);
    return win;
  }

  restoreWalls(): void {
    const { wall } = this.deps.settings.value;
    if (!wall.reopenAtStart) return;
    for (const saved of wall.windows) this.openWall(saved.displayId, saved.id);
  }

  /** An event to every window of ours. */
  broadcast<E extends EventName>(name: E, payload: IpcEvents[E]): void {
    for (const win of BrowserWindow.getAllWindows())
      if (this.ids.has(win.webContents.id)) win.webContents.send(eventChannel(name), payload);
  }

  sendTo<E extends EventName>(
    webContentsIds: readonly number[],
    name: E,
    payload: IpcEvents[E],
  ): void {
    for (const win of BrowserWindow.getAllWindows())
      if (webContentsIds.includes(win.webContents.id) && this.ids.has(win.webContents.id))
        win.webContents.send(eventChannel(name), payload);
  }

  /** A notification was clicked: bring up the console and show the alert. */
  focusAlert(engineId: string, alertId: string): void {
    const win = this.showConsole();
    const send = () => win.webContents.send(eventChannel('focusAlert'), { engineId, alertId });
    if (win.webContents.isLoading()) win.webContents.once('did-finish-load', send);
    else send();
  }

  private track(win: BrowserWindow): void {
    const contentsId = win.webContents.id;
    this.ids.add(contentsId);
    guardWebContents(win.webContents, this.deps);
    win.on('closed', () => {
      this.ids.delete(contentsId);
      this.deps.onWindowGone(contentsId);
    });
  }

  private savePlacement(win: BrowserWindow): void {
    const bounds = win.getNormalBounds();
    const display = displayOf(displays(), bounds);
    this.deps.settings.update((s) => ({ ...s, consoleWindow: { displayId: display.id, bounds } }));
  }

  private updateBlocker(): void {
    const need = this.walls.size > 0;
    if (need && this.blockerId === null) {
      this.blockerId = powerSaveBlocker.start('prevent-display-sleep');
    } else if (!need && this.blockerId !== null) {
      powerSaveBlocker.stop(this.blockerId);
      this.blockerId = null;
    }
  }
}

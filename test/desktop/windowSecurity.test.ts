import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  fakeSession,
  openedExternally,
  powerSaveCalls,
  privilegedSchemes,
  protocolHandlers,
} from './electronMock.js';

vi.mock('electron', async () => (await import('./electronMock.js')).electronMock());

const { WindowManager } = await import('../../main/windows/windowManager.js');
const { guardSession } = await import('../../main/windows/webContentsGuards.js');
const { registerAppScheme, serveAppProtocol } = await import('../../main/windows/appProtocol.js');
const { SettingsStore } = await import('../../main/settings/settingsStore.js');
const { contentSecurityPolicy } = await import('../../main/windows/contentSecurityPolicy.js');

const dir = mkdtempSync(join(tmpdir(), 'nocturne-windows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function manager(quitting = false) {
  const settings = new SettingsStore(join(dir, `settings-${Math.random()}.json`));
  const gone: number[] = [];
  const logs: string[] = [];
  const windows = new WindowManager({
    preloadPath: '/app/dist/preload/preload.cjs',
    iconPath: '/app/resources/icons/512x512.png',
    settings,
    isQuitting: () => quitting,
    onWindowGone: (id) => gone.push(id),
    openExternal: (url) => openedExternally.push(url),
    log: (line) => logs.push(line),
  });
  return { windows, settings, gone, logs };
}

beforeEach(() => {
  FakeBrowserWindow.created.length = 0;
  openedExternally.length = 0;
  powerSaveCalls.length = 0;
});

describe('every window is created with the security checklist', () => {
  it('console and wall windows: contextIsolation, sandbox, no nodeIntegration, webSecurity', () => {
    const { windows } = manager();
    windows.showConsole();
    windows.openWall(2);
    expect(FakeBrowserWindow.created).toHaveLength(2);
    for (const win of FakeBrowserWindow.created) {
      const prefs = win.options.webPreferences;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        preload: '/app/dist/preload/preload.cjs',
      });
      expect(win.loadedUrl).toMatch(/^app:\/\/nocturne\//);
    }
  });

  it('navigation away from the app is denied; a link goes to the browser only if it passes the check', () => {
    const { windows } = manager();
    const contents = windows.showConsole().webContents as any;
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('app://nocturne/alerts/4')).toBe(false);
    expect(navigate('https://status.example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(openedExternally).toEqual(['https://status.example.com/']);
  });

  it('window.open is always denied; http(s) and mailto links open outside, others not at all', () => {
    const { windows } = manager();
    const contents = windows.showConsole().webContents as any;
    for (const url of [
      'https://grafana.example/d/1',
      'mailto:noc@example.com',
      'smb://host/share',
      'file:///tmp/x',
      'https://user@evil.example/',
    ])
      expect(contents.windowOpenHandler({ url })).toEqual({ action: 'deny' });
    expect(openedExternally).toEqual(['https://grafana.example/d/1', 'mailto:noc@example.com']);
  });

  it('<webview> cannot be attached', () => {
    const { windows } = manager();
    const contents = windows.showConsole().webContents as any;
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('permissions are denied by default and every response carries the strict CSP', () => {
    guardSession(fakeSession as any);
    const callback = vi.fn();
    fakeSession.permissionRequestHandler!({}, 'media', callback);
    fakeSession.permissionRequestHandler!({}, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(fakeSession.permissionCheckHandler!({}, 'clipboard-read')).toBe(false);
    expect(fakeSession.devicePermissionHandler!({})).toBe(false);
    let headers: Record<string, string[]> = {};
    fakeSession.headersReceived!(
      { responseHeaders: { 'content-security-policy': ["script-src 'unsafe-inline'"] } },
      (answer: { responseHeaders: Record<string, string[]> }) => (headers = answer.responseHeaders),
    );
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-inline');
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("object-src 'none'");
  });

  it('app:// is a privileged standard scheme serving only files under the renderer folder, with the CSP', async () => {
    registerAppScheme();
    expect(privilegedSchemes).toContainEqual(
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    );
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Nocturne</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    serveAppProtocol(root);
    const handle = protocolHandlers.get('app')!;
    const index = await handle({ url: 'app://nocturne/wall' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await index.text()).toContain('<title>Nocturne</title>');
    const script = await handle({ url: 'app://nocturne/assets/app.js' });
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await handle({ url: 'app://nocturne/..%2f..%2fsettings.json' })).status).toBe(404);
    expect((await handle({ url: 'app://elsewhere/index.html' })).status).toBe(404);
  });
});

describe('windows', () => {
  it('closing the console hides it (the app stays in the tray); quitting closes it', () => {
    const { windows, settings } = manager();
    const win = windows.showConsole() as unknown as FakeBrowserWindow;
    win.visible = true;
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.visible).toBe(false);
    expect(settings.value.consoleWindow).not.toBeNull();
    const quitting = manager(true).windows.showConsole() as unknown as FakeBrowserWindow;
    quitting.close();
    expect(quitting.destroyed).toBe(true);
  });

  it('wall windows cover their display, keep it awake while any is open, and are remembered', () => {
    const { windows, settings, gone } = manager();
    const a = windows.openWall(2) as unknown as FakeBrowserWindow;
    const b = windows.openWall(1) as unknown as FakeBrowserWindow;
    expect(a.options).toMatchObject({
      x: 1920,
      y: 0,
      width: 2560,
      height: 1440,
      kiosk: true,
      frame: false,
    });
    expect(b.options).toMatchObject({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(powerSaveCalls).toEqual(['start:prevent-display-sleep']);
    expect(settings.value.wall.windows.map((w) => w.displayId)).toEqual([2, 1]);
    a.close();
    expect(powerSaveCalls).toHaveLength(1);
    b.close();
    expect(powerSaveCalls).toEqual([
      'start:prevent-display-sleep',
      expect.stringMatching(/^stop:/),
    ]);
    expect(settings.value.wall.windows).toEqual([]);
    expect(gone).toEqual([a.webContents.id, b.webContents.id]);
  });

  it('only our windows are in the IPC allow-list', () => {
    const { windows } = manager();
    const win = windows.showConsole();
    expect(windows.webContentsIds.has(win.webContents.id)).toBe(true);
    expect(windows.webContentsIds.has(9999)).toBe(false);
  });
});

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { downloadElectron, findElectronBinary } from '../../main/launcher/electronBinary.js';
import {
  cleanText,
  createOsNotifier,
  notifierOptions,
} from '../../main/notifications/osNotifier.js';
import {
  consoleUrlOf,
  decideLaunch,
  fallbackParagraph,
  type LaunchFacts,
} from '../../main/launcher/launchDecision.js';

const facts = (over: Partial<LaunchFacts> = {}): LaunchFacts => ({
  platform: 'linux',
  env: { DISPLAY: ':0' },
  isRoot: false,
  browserRequested: false,
  ...over,
});
const present = { kind: 'present', path: '/x/electron' } as const;

describe('launch decision', () => {
  it('binary present and a display: the desktop app', () => {
    expect(decideLaunch(facts(), present)).toEqual({
      mode: 'electron',
      executable: '/x/electron',
      extraArgs: [],
    });
    expect(decideLaunch(facts({ env: { WAYLAND_DISPLAY: 'wayland-0' } }), present).mode).toBe(
      'electron',
    );
    expect(decideLaunch(facts({ platform: 'darwin', env: {} }), present).mode).toBe('electron');
    expect(decideLaunch(facts({ platform: 'win32', env: {} }), present).mode).toBe('electron');
  });

  it('no display on Linux: browser mode, saying so', () => {
    const d = decideLaunch(facts({ env: {} }), present);
    expect(d).toMatchObject({
      mode: 'browser',
      reason: expect.stringMatching(/no display.*DISPLAY.*WAYLAND_DISPLAY/),
    });
  });

  it('download failed: browser mode naming the version and the error', () => {
    const d = decideLaunch(facts(), {
      kind: 'downloadFailed',
      version: '45.5.0',
      reason: 'TypeError: fetch failed',
    });
    expect(d.mode === 'browser' && d.reason).toMatch(
      /Electron 45\.5\.0 is not downloaded yet and downloading it failed \(TypeError: fetch failed\)/,
    );
  });

  it('root on Linux: refused unless explicitly allowed, then without the sandbox', () => {
    expect(decideLaunch(facts({ isRoot: true }), present)).toMatchObject({
      mode: 'browser',
      reason: expect.stringMatching(/root/),
    });
    expect(
      decideLaunch(
        facts({ isRoot: true, env: { DISPLAY: ':0', NOCTURNE_ALLOW_NO_SANDBOX: '1' } }),
        present,
      ),
    ).toEqual({
      mode: 'electron',
      executable: '/x/electron',
      extraArgs: ['--no-sandbox'],
    });
  });

  it('browser mode on request', () => {
    expect(decideLaunch(facts({ browserRequested: true }), present).mode).toBe('browser');
  });

  it('one paragraph with the URL', () => {
    const text = fallbackParagraph('there is no display', 'http://127.0.0.1:7070/');
    expect(text).not.toContain('\n');
    expect(text).toMatch(
      /^Nocturne cannot open the desktop app here because there is no display\. .*open http:\/\/127\.0\.0\.1:7070\/ in a browser/,
    );
    expect(consoleUrlOf([], {})).toBe('http://127.0.0.1:7070/');
    expect(consoleUrlOf(['--port', '0'], {})).toBeNull();
    expect(fallbackParagraph('x', null)).toMatch(/open the console address printed below/);
    expect(consoleUrlOf(['--port', '8080', '--host', '0.0.0.0'], {})).toBe(
      'http://127.0.0.1:8080/',
    );
    expect(consoleUrlOf(['--port=9000', '--tls-cert', 'c.pem'], { NOCTURNE_HOST: '::1' })).toBe(
      'https://[::1]:9000/',
    );
  });
});

describe('OS notifier', () => {
  const n = {
    title: 'HIGH: Disk full',
    body: 'Source: Prometheus',
    priority: 'HIGH' as const,
    sound: true,
    engineId: 'e',
    alertId: '4',
  };

  it('Linux: critical urgency that stays for HIGH, a sound hint, the app name', () => {
    expect(notifierOptions(n, { appName: 'Nocturne', iconPath: '/i.png' }, 'linux')).toEqual({
      title: 'HIGH: Disk full',
      message: 'Source: Prometheus',
      icon: '/i.png',
      'app-name': 'Nocturne',
      urgency: 'critical',
      category: 'im.received',
      time: 0,
      hint: 'string:sound-name:dialog-warning',
    });
    expect(
      notifierOptions(
        { ...n, priority: 'LOW', sound: false },
        { appName: 'Nocturne', iconPath: null },
        'linux',
      ),
    ).toMatchObject({ urgency: 'normal', time: 10 });
  });

  it('macOS/Windows: sound and wait for the click', () => {
    expect(notifierOptions(n, { appName: 'Nocturne', iconPath: null }, 'darwin')).toMatchObject({
      sound: true,
      wait: true,
      timeout: false,
    });
  });

  it('texts from monitoring tools lose control characters and are bounded', () => {
    expect(cleanText('a\u0007b\u001b[31mc\nd', 100)).toBe('a b [31mc\nd');
    expect(cleanText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('a click focuses the alert', async () => {
    const clicked: unknown[] = [];
    const notifier = createOsNotifier({
      appName: 'Nocturne',
      iconPath: null,
      platform: 'darwin',
      backend: { notify: (_o, cb) => cb?.(null, 'activate', { activationType: 'clicked' }) },
      onClick: (x) => clicked.push(x.alertId),
    });
    await notifier.show(n);
    expect(clicked).toEqual(['4']);
  });
});

describe('npm start without a display (as on CI here)', () => {
  it('prints one paragraph saying why, then serves the console in browser mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nocturne-launch-'));
    const env = { ...process.env, CI: '1' } as Record<string, string | undefined>;
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    delete env.NOCTURNE_BROWSER;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/launcher/launch.ts', '--port', '0', '--data', dir],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    try {
      await expect
        .poll(() => out, { timeout: 20_000 })
        .toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      const paragraphs = out
        .split('\n')
        .filter((line) => line.startsWith('Nocturne cannot open the desktop app'));
      expect(paragraphs).toHaveLength(1);
      expect(paragraphs[0]).toMatch(/because there is no display .* browser mode instead/);
      expect(out.indexOf('Nocturne cannot open')).toBeLessThan(out.indexOf('listening on'));
      expect(out).not.toMatch(/Downloading|downloading it now/);
    } finally {
      const closed = new Promise((resolve) => child.on('close', resolve));
      child.kill('SIGINT');
      expect(await closed).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the first-launch download and why it failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nocturne-fake-electron-'));
    writeFileSync(
      join(dir, 'install.js'),
      "console.log('Downloading electron-v45.5.0-linux-x64.zip'); console.error('TypeError: fetch failed'); console.error('    at FetchDownloader.download'); process.exit(1);",
    );
    const lines: string[] = [];
    const result = await downloadElectron(dir, { timeoutMs: 10_000, onLine: (l) => lines.push(l) });
    expect(result).toEqual({ ok: false, reason: 'TypeError: fetch failed' });
    expect(lines).toContain('Downloading electron-v45.5.0-linux-x64.zip');
    expect(findElectronBinary(dir, {})).toBeNull();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
    rmSync(dir, { recursive: true, force: true });
  });
});

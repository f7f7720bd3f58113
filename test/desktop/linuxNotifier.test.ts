import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { NotificationPreferences } from '../../shared/ipc/desktopSettings.js';
import {
  createLinuxNotifier,
  escapeMarkup,
  notifySendArgs,
  supportsActions,
  type NotifySendProcess,
} from '../../main/notifications/linuxNotifier.js';
import { NotificationCenter } from '../../main/notifications/notificationCenter.js';
import type { OsNotification } from '../../main/notifications/notificationDecision.js';
import { createOsNotifier, type OsNotifier } from '../../main/notifications/osNotifier.js';

/** A stand-in for a `notify-send --wait` process: it runs until it is told how it ends. */
class FakeNotifySend extends EventEmitter implements NotifySendProcess {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly signals: NodeJS.Signals[] = [];
  private ended = false;

  constructor(
    readonly args: readonly string[],
    /** notify-send closes its notification and exits on SIGINT; a stuck one does not. */
    private readonly obeysSigint = true,
  ) {
    super();
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (signal === 'SIGKILL') this.exit('', null, 'SIGKILL');
    else if (signal === 'SIGINT' && this.obeysSigint) this.exit('', 0);
    return true;
  }

  /** As notify-send does: stdout is written when it exits, then `close`. */
  exit(stdout: string, code: number | null, signal: NodeJS.Signals | null = null, stderr = '') {
    if (this.ended) return;
    this.ended = true;
    this.stderr.end(stderr);
    this.stdout.once('end', () => setImmediate(() => this.emit('close', code, signal)));
    this.stdout.end(stdout);
  }

  /** The user clicked the notification's body. */
  click() {
    this.exit('default\n', 0);
  }
}

function fakeSpawn(obeysSigint = true) {
  const children: FakeNotifySend[] = [];
  const spawn = (args: readonly string[]) => {
    const child = new FakeNotifySend(args, obeysSigint);
    children.push(child);
    return child;
  };
  return { spawn, children };
}

const n: OsNotification = {
  title: 'HIGH: Disk full on db-1',
  body: 'Source: Prometheus · critical',
  priority: 'HIGH',
  sound: true,
  engineId: 'embedded',
  alertId: '42',
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Abridged from Debian's libnotify-bin 0.8.1 and 0.7.9. */
const help08 = `Application Options:
  -u, --urgency=LEVEL               Specifies the urgency level (low, normal, critical).
  -w, --wait                        Wait for the notification to be closed before exiting.
  -A, --action=[NAME=]Text...       Specifies the actions to display to the user.
  -v, --version                     Version of the package.`;
const help079 = `Application Options:
  -u, --urgency=LEVEL               Specifies the urgency level (low, normal, critical).
  -h, --hint=TYPE:NAME:VALUE        Specifies basic extra data to pass.
  -v, --version                     Version of the package.`;

describe('Linux notifier: capability probe', () => {
  it('uses actions only where notify-send --help lists --action and --wait', () => {
    expect(supportsActions(help08)).toBe(true);
    expect(supportsActions(help079)).toBe(false);
    expect(supportsActions('')).toBe(false);
  });

  it('probes once, at the first notification; without actions, node-notifier as before', async () => {
    const probe = vi.fn(() => Promise.resolve(false));
    const notify = vi.fn((_o: Record<string, unknown>, cb?: (e: Error | null, r: string) => void) =>
      cb?.(null, ''),
    );
    const { spawn, children } = fakeSpawn();
    const notifier = createOsNotifier({
      appName: 'Nocturne',
      iconPath: null,
      platform: 'linux',
      backend: { notify },
      probeActions: probe,
      spawnNotifySend: spawn,
    });
    expect(probe).not.toHaveBeenCalled();
    await notifier.show(n);
    await notifier.show({ ...n, alertId: '43' });
    expect(probe).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledTimes(2);
    expect(notify.mock.calls[0]![0]).toMatchObject({ urgency: 'critical', time: 0 });
    expect(children).toHaveLength(0);
  });

  it('with actions: notify-send spawned by us, not node-notifier', async () => {
    const probe = vi.fn(() => Promise.resolve(true));
    const notify = vi.fn();
    const { spawn, children } = fakeSpawn();
    const clicked: Array<string | null> = [];
    const notifier = createOsNotifier({
      appName: 'Nocturne',
      iconPath: null,
      platform: 'linux',
      backend: { notify },
      probeActions: probe,
      spawnNotifySend: spawn,
      onClick: (x) => clicked.push(x.alertId),
    });
    await notifier.show(n);
    await notifier.show({ ...n, alertId: '43' });
    expect(probe).toHaveBeenCalledTimes(1);
    expect(notify).not.toHaveBeenCalled();
    expect(children).toHaveLength(2);
    children[1]!.click();
    await settle();
    expect(clicked).toEqual(['43']);
    notifier.closeAll();
    expect(children[0]!.signals).toEqual(['SIGINT']);
  });

  it('macOS and Windows: node-notifier, no probe', async () => {
    const probe = vi.fn(() => Promise.resolve(true));
    const notify = vi.fn((_o: Record<string, unknown>, cb?: (e: Error | null, r: string) => void) =>
      cb?.(null, ''),
    );
    for (const platform of ['darwin', 'win32'] as const) {
      const notifier = createOsNotifier({
        appName: 'Nocturne',
        iconPath: null,
        platform,
        backend: { notify },
        probeActions: probe,
      });
      await notifier.show(n);
      notifier.closeAll();
    }
    expect(probe).not.toHaveBeenCalled();
    expect(notify).toHaveBeenCalledTimes(2);
  });
});

describe('Linux notifier: notify-send argv', () => {
  it('HIGH: what node-notifier passes, plus the click action, --wait and --', () => {
    expect(notifySendArgs(n, { appName: 'Nocturne', iconPath: '/i.png' })).toEqual([
      '--urgency=critical',
      '--expire-time=0',
      '--icon=/i.png',
      '--category=im.received',
      '--hint=string:sound-name:dialog-warning',
      '--app-name=Nocturne',
      '--action=default=Open alert',
      '--wait',
      '--',
      'HIGH: Disk full on db-1',
      'Source: Prometheus · critical',
    ]);
  });

  it('LOW: normal urgency, expires after 10 s (and its process with it), no sound', () => {
    const args = notifySendArgs(
      { ...n, priority: 'LOW', sound: false },
      { appName: 'Nocturne', iconPath: null },
    );
    expect(args.slice(0, 4)).toEqual([
      '--urgency=normal',
      '--expire-time=10000',
      '--category=im.received',
      '--app-name=Nocturne',
    ]);
    expect(args.some((a) => a.startsWith('--hint') || a.startsWith('--icon'))).toBe(false);
  });

  it('alert texts cannot become options, and the body reads as text, not Pango markup', () => {
    const args = notifySendArgs(
      { ...n, title: '--help', body: '-u low <b>bold</b> & <a href="x">link</a>\u0007' },
      { appName: 'Nocturne', iconPath: null },
    );
    const positional = args.slice(args.indexOf('--') + 1);
    expect(positional).toEqual([
      '--help',
      '-u low &lt;b&gt;bold&lt;/b&gt; &amp; &lt;a href="x"&gt;link&lt;/a&gt;',
    ]);
    // Only our own options before the `--`.
    expect(args.indexOf('--')).toBe(args.length - 3);
    expect(escapeMarkup('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d');
  });

  it('an empty title or body is a space (notify-send needs a summary)', () => {
    const args = notifySendArgs(
      { ...n, title: '\u0007', body: '' },
      { appName: 'N', iconPath: null },
    );
    expect(args.slice(-2)).toEqual([' ', ' ']);
  });
});

describe('Linux notifier: clicks and processes', () => {
  it('a click reports the notification (its alert id) through onClick', async () => {
    const { spawn, children } = fakeSpawn();
    const clicked: Array<string | null> = [];
    const errors: string[] = [];
    const notifier = createLinuxNotifier({
      appName: 'Nocturne',
      iconPath: null,
      spawn,
      onClick: (x) => clicked.push(x.alertId),
      onError: (m) => errors.push(m),
    });
    await notifier.show(n);
    expect(notifier.pending).toBe(1);
    children[0]!.click();
    await settle();
    expect(clicked).toEqual(['42']);
    expect(notifier.pending).toBe(0);
    expect(errors).toEqual([]);
  });

  it('closed or expired without a click: no focus, no error', async () => {
    const { spawn, children } = fakeSpawn();
    const onClick = vi.fn();
    const onError = vi.fn();
    const notifier = createLinuxNotifier({ appName: 'N', iconPath: null, spawn, onClick, onError });
    await notifier.show(n);
    children[0]!.exit('', 0);
    await settle();
    expect(onClick).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    expect(notifier.pending).toBe(0);
  });

  it('notify-send failing (no notification server) is reported', async () => {
    const { spawn, children } = fakeSpawn();
    const errors: string[] = [];
    const notifier = createLinuxNotifier({
      appName: 'N',
      iconPath: null,
      spawn,
      onError: (m) => errors.push(m),
    });
    await notifier.show(n);
    children[0]!.exit('', 1, null, 'Cannot autolaunch D-Bus without X11 $DISPLAY\n');
    await settle();
    expect(errors).toEqual([
      'notification not shown: notify-send exited with 1: Cannot autolaunch D-Bus without X11 $DISPLAY',
    ]);
    const broken = createLinuxNotifier({
      appName: 'N',
      iconPath: null,
      spawn: () => {
        throw new Error('spawn notify-send ENOENT');
      },
      onError: (m) => errors.push(m),
    });
    await broken.show(n);
    expect(errors[1]).toBe('notification not shown: spawn notify-send ENOENT');
  });

  it('at most maxPending wait for a click: beyond, the oldest is closed (SIGINT)', async () => {
    const { spawn, children } = fakeSpawn();
    const notifier = createLinuxNotifier({ appName: 'N', iconPath: null, spawn, maxPending: 2 });
    for (const id of ['1', '2', '3', '4']) await notifier.show({ ...n, alertId: id });
    expect(notifier.pending).toBe(2);
    expect(children.map((c) => c.signals)).toEqual([['SIGINT'], ['SIGINT'], [], []]);
    await settle();
    expect(notifier.pending).toBe(2);
  });

  it('closeAll (pause, quit) closes every pending one; a stuck one is killed', async () => {
    const { spawn, children } = fakeSpawn(false);
    const notifier = createLinuxNotifier({
      appName: 'N',
      iconPath: null,
      spawn,
      killGraceMs: 10,
    });
    await notifier.show(n);
    await notifier.show({ ...n, alertId: '43' });
    notifier.closeAll();
    expect(notifier.pending).toBe(0);
    expect(children.map((c) => c.signals)).toEqual([['SIGINT'], ['SIGINT']]);
    await settle();
    expect(children.map((c) => c.signals)).toEqual([
      ['SIGINT', 'SIGKILL'],
      ['SIGINT', 'SIGKILL'],
    ]);
  });

  it('a process that exits after SIGINT is not killed again', async () => {
    const { spawn, children } = fakeSpawn();
    const notifier = createLinuxNotifier({ appName: 'N', iconPath: null, spawn, killGraceMs: 10 });
    await notifier.show(n);
    notifier.closeAll();
    await settle();
    expect(children[0]!.signals).toEqual(['SIGINT']);
  });
});

describe('notification center: pause and quit close what is pending', () => {
  function center() {
    const notifier: OsNotifier = { show: vi.fn(() => Promise.resolve()), closeAll: vi.fn() };
    const c = new NotificationCenter({
      notifier,
      prefs: () => NotificationPreferences.parse({}),
      labelEngines: () => false,
      now: () => Date.parse('2026-03-01T09:00:00Z'),
    });
    return { c, notifier };
  }

  it('pausing (30 min, 1 h, until resumed) closes them; resuming does not', () => {
    for (const minutes of [30, 60, null] as const) {
      const { c, notifier } = center();
      c.pauseFor(minutes);
      expect(notifier.closeAll).toHaveBeenCalledTimes(1);
      c.resume();
      expect(notifier.closeAll).toHaveBeenCalledTimes(1);
      c.dispose();
    }
  });

  it('dispose (the app quits) closes them', () => {
    const { c, notifier } = center();
    c.dispose();
    expect(notifier.closeAll).toHaveBeenCalledTimes(1);
  });
});

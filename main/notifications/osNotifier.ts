import { execFile, spawn } from 'node:child_process';
import nodeNotifier from 'node-notifier';
import {
  createLinuxNotifier,
  supportsActions,
  type LinuxNotifier,
  type SpawnNotifySend,
} from './linuxNotifier.js';
import type { OsNotification } from './notificationDecision.js';
import { cleanText } from './notificationText.js';

export { cleanText };

/** What we use of node-notifier (injected by tests). */
export interface NotifierBackend {
  notify(
    options: Record<string, unknown>,
    callback?: (
      error: Error | null,
      response: string,
      metadata?: { activationType?: string },
    ) => void,
  ): unknown;
}

export interface OsNotifierOptions {
  readonly appName: string;
  /** A PNG shown beside the text (Linux, Windows). */
  readonly iconPath: string | null;
  readonly platform?: NodeJS.Platform;
  readonly backend?: NotifierBackend;
  /**
   * Linux: whether the installed notify-send takes `--action` (asked once, at the first
   * notification). Default: `notify-send --help`. Tests inject it.
   */
  readonly probeActions?: () => Promise<boolean>;
  /** Linux with actions: starts notify-send (tests inject it). */
  readonly spawnNotifySend?: SpawnNotifySend;
  /**
   * The user clicked it: macOS and Windows (node-notifier), and Linux where notify-send has
   * `--action` and the notification server supports actions (linuxNotifier.ts).
   */
  readonly onClick?: (notification: OsNotification) => void;
  readonly onError?: (message: string) => void;
}

/**
 * The options node-notifier gets for one notification (pure). HIGH is `critical` urgency on
 * Linux (notification daemons keep it until dismissed and may bypass do-not-disturb, as a page
 * should) and asks for a sound where the platform has one; LOW is quiet and expires.
 */
export function notifierOptions(
  n: OsNotification,
  options: Pick<OsNotifierOptions, 'appName' | 'iconPath'>,
  platform: NodeJS.Platform,
): Record<string, unknown> {
  const high = n.priority === 'HIGH';
  const common = {
    title: cleanText(n.title, 200),
    message: cleanText(n.body, 500) || ' ',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
  };
  if (platform === 'linux' || platform.endsWith('bsd'))
    return {
      ...common,
      'app-name': options.appName,
      urgency: high ? 'critical' : 'normal',
      category: 'im.received',
      // seconds; node-notifier converts. HIGH stays (0 = until dismissed, honoured by daemons).
      time: high ? 0 : 10,
      ...(n.sound ? { hint: 'string:sound-name:dialog-warning' } : {}),
    };
  return {
    ...common,
    appID: options.appName,
    sound: n.sound,
    wait: true,
    timeout: high ? false : 10,
  };
}

export interface OsNotifier {
  /** Resolves once the notification is handed to the OS; a click is reported later. */
  show(notification: OsNotification): Promise<void>;
  /**
   * Closes what still waits for a click and ends its processes (pause, quit). A no-op where
   * node-notifier shows notifications: it keeps nothing running that we own.
   */
  closeAll(): void;
}

/** `notify-send --help` lists `--action` (libnotify 0.7.10+); false when it cannot run. */
export function probeNotifySendActions(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('notify-send', ['--help'], { timeout: 5_000 }, (error, stdout) =>
      resolve(!error && supportsActions(String(stdout))),
    );
  });
}

const spawnNotifySend: SpawnNotifySend = (args) =>
  spawn('notify-send', [...args], { stdio: ['ignore', 'pipe', 'pipe'] });

function createNodeNotifier(
  options: OsNotifierOptions,
  backend: NotifierBackend,
  platform: NodeJS.Platform,
): OsNotifier {
  return {
    show(notification) {
      return new Promise((resolve) => {
        backend.notify(
          notifierOptions(notification, options, platform),
          (error, response, meta) => {
            if (error)
              options.onError?.(`notification not shown: ${error.message ?? String(error)}`);
            const clicked =
              response === 'activate' ||
              response === 'clicked' ||
              meta?.activationType === 'clicked';
            if (clicked) options.onClick?.(notification);
            resolve();
          },
        );
      });
    },
    closeAll: () => undefined,
  };
}

/**
 * node-notifier on macOS and Windows, and on Linux where notify-send has no `--action`; the Linux
 * notifier with click-to-focus (linuxNotifier.ts) where it has. The probe runs once, at the first
 * notification, so that starting the app runs nothing.
 */
export function createOsNotifier(options: OsNotifierOptions): OsNotifier {
  const backend: NotifierBackend = options.backend ?? (nodeNotifier as unknown as NotifierBackend);
  const platform = options.platform ?? process.platform;
  const fallback = createNodeNotifier(options, backend, platform);
  if (platform !== 'linux' && !platform.endsWith('bsd')) return fallback;
  let chosen: Promise<OsNotifier> | null = null;
  let linux: LinuxNotifier | null = null;
  const choose = () =>
    (chosen ??= (options.probeActions ?? probeNotifySendActions)().then((actions) => {
      if (!actions) return fallback;
      linux = createLinuxNotifier({
        appName: options.appName,
        iconPath: options.iconPath,
        spawn: options.spawnNotifySend ?? spawnNotifySend,
        onClick: options.onClick,
        onError: options.onError,
      });
      return linux;
    }));
  return {
    async show(notification) {
      await (await choose()).show(notification);
    },
    closeAll() {
      linux?.closeAll();
    },
  };
}

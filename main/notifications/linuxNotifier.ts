import type { OsNotification } from './notificationDecision.js';
import { cleanText } from './notificationText.js';
import type { OsNotifier } from './osNotifier.js';

/**
 * Click-to-focus on Linux. node-notifier runs `notify-send` without actions, so a click is never
 * reported there. libnotify's notify-send 0.7.10+ (Debian's libnotify-bin 0.8) takes
 * `--action=default=Text`, which implies `--wait`: it stays running until the notification is
 * closed and prints the name of the invoked action (`default` for a click on the body) when it
 * exits. This notifier runs that notify-send itself, one process per notification, and reports a
 * click through the same `onClick` the macOS/Windows path uses. `createOsNotifier` picks it only
 * where the installed notify-send has `--action` (`supportsActions`); otherwise node-notifier.
 */

/** The least of child_process.ChildProcess this uses (tests pass a fake). */
export interface NotifySendProcess {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(
    event: 'close',
    listener: (code: number | null, signal: NodeJS.Signals | null) => void,
  ): this;
  once(event: 'error', listener: (error: Error) => void): this;
}

/** Starts `notify-send` with an argv array (never a shell). */
export type SpawnNotifySend = (args: readonly string[]) => NotifySendProcess;

export interface LinuxNotifierOptions {
  readonly appName: string;
  readonly iconPath: string | null;
  readonly spawn: SpawnNotifySend;
  readonly onClick?: (notification: OsNotification) => void;
  readonly onError?: (message: string) => void;
  /** Waiting notify-send processes kept at most; beyond, the oldest notification is closed. */
  readonly maxPending?: number;
  /** How long a process asked to close may take before it is killed outright (ms). */
  readonly killGraceMs?: number;
}

/** Pending processes by default: more than a screen of notifications is noise anyway. */
export const defaultMaxPending = 10;

/** The action a click on the notification's body invokes (freedesktop notification spec). */
const clickAction = 'default';

/** Whether `notify-send --help` lists the options this notifier needs (pure). */
export function supportsActions(helpText: string): boolean {
  return /--action[=\s]/.test(helpText) && /--wait\b/.test(helpText);
}

/**
 * The body is Pango markup for servers with `body-markup` (dunst, GNOME, KDE): alert texts come
 * from monitoring tools and must read as text. The summary is plain text in the spec.
 */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * notify-send's argv for one notification (pure): what node-notifier passes on Linux (urgency,
 * expiry, icon, category, sound hint, app name; `notifierOptions`), plus the click action. Every
 * option is `--name=value`, and `--` ends the options, so a title such as `-u low` or `--help`
 * from an alert summary is the summary, not an option.
 */
export function notifySendArgs(
  n: OsNotification,
  options: Pick<LinuxNotifierOptions, 'appName' | 'iconPath'>,
): string[] {
  const high = n.priority === 'HIGH';
  return [
    `--urgency=${high ? 'critical' : 'normal'}`,
    // HIGH stays until dismissed (0); LOW expires after 10 s, and with it its process.
    `--expire-time=${high ? 0 : 10_000}`,
    ...(options.iconPath ? [`--icon=${options.iconPath}`] : []),
    '--category=im.received',
    ...(n.sound ? ['--hint=string:sound-name:dialog-warning'] : []),
    `--app-name=${options.appName}`,
    `--action=${clickAction}=Open alert`,
    '--wait',
    '--',
    cleanText(n.title, 200) || ' ',
    escapeMarkup(cleanText(n.body, 500)) || ' ',
  ];
}

export interface LinuxNotifier extends OsNotifier {
  /** Notifications still waiting for a click (their notify-send processes). */
  readonly pending: number;
}

export function createLinuxNotifier(options: LinuxNotifierOptions): LinuxNotifier {
  const maxPending = options.maxPending ?? defaultMaxPending;
  const killGraceMs = options.killGraceMs ?? 2_000;
  // Oldest first.
  const pending: NotifySendProcess[] = [];

  const forget = (child: NotifySendProcess) => {
    const at = pending.indexOf(child);
    if (at >= 0) pending.splice(at, 1);
  };

  /**
   * SIGINT is notify-send's "wait cancelled": it closes its notification and exits. SIGTERM would
   * leave the notification on screen. A process stuck on D-Bus is killed after a grace period.
   */
  const close = (child: NotifySendProcess) => {
    forget(child);
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), killGraceMs);
    timer.unref?.();
    child.once('close', () => clearTimeout(timer));
  };

  return {
    get pending() {
      return pending.length;
    },
    show(notification) {
      let child: NotifySendProcess;
      try {
        child = options.spawn(notifySendArgs(notification, options));
      } catch (error) {
        options.onError?.(`notification not shown: ${(error as Error).message}`);
        return Promise.resolve();
      }
      pending.push(child);
      while (pending.length > maxPending) close(pending[0]!);

      let out = '';
      let err = '';
      child.stdout?.setEncoding('utf8');
      child.stdout?.on('data', (chunk: string) => (out += chunk));
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => (err = `${err}${chunk}`.slice(-500)));
      child.once('error', (error) => {
        forget(child);
        options.onError?.(`notification not shown: ${error.message}`);
      });
      child.once('close', (code, signal) => {
        forget(child);
        // notify-send prints the invoked action's name when it exits (stdout is not flushed
        // before), and exits as soon as an action is invoked.
        if (out.split('\n').some((line) => line.trim() === clickAction))
          options.onClick?.(notification);
        else if (code !== 0 && code !== null && signal === null)
          options.onError?.(
            `notification not shown: notify-send exited with ${code}${err.trim() ? `: ${err.trim()}` : ''}`,
          );
      });
      // Handed to the notification server; the click, if any, comes later.
      return Promise.resolve();
    },
    closeAll() {
      for (const child of [...pending]) close(child);
    },
  };
}

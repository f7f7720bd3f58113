import nodeNotifier from 'node-notifier';
import type { OsNotification } from './notificationDecision.js';

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
  /** The user clicked it (macOS, Windows; notify-send on Linux reports no clicks). */
  readonly onClick?: (notification: OsNotification) => void;
  readonly onError?: (message: string) => void;
}

/** Alert texts come from monitoring tools: no control characters, bounded length. */
export function cleanText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
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
  show(notification: OsNotification): Promise<void>;
}

export function createOsNotifier(options: OsNotifierOptions): OsNotifier {
  const backend: NotifierBackend = options.backend ?? (nodeNotifier as unknown as NotifierBackend);
  const platform = options.platform ?? process.platform;
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
  };
}

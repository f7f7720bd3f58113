import type { AlertSummary } from '../../shared/domain/alert.js';
import type { NotificationPreferences } from '../../shared/ipc/desktopSettings.js';
import type { NotificationMessage } from '../../shared/protocol/messages.js';
import type { DedupWindow } from './dedupWindow.js';

/**
 * Whether to raise an OS notification, and with what (pure, apart from the de-duplication memory
 * passed in). Two things can raise one:
 * - a `notification` pushed by the engine for me (my console notification rules,
 *   docs/notifications.md): always, unless paused, disabled or a duplicate;
 * - a new PENDING HIGH alert seen in the stream, when `allHighAlerts` is on: what a wall or a
 *   team lead wants even when the policy pages somebody else.
 * Both are keyed by alert, so the push and the stream change of one alert notify once.
 */
export type NotificationCandidate =
  | {
      readonly source: 'push';
      readonly engineId: string;
      readonly engineLabel: string;
      readonly message: NotificationMessage;
    }
  | {
      readonly source: 'newAlert';
      readonly engineId: string;
      readonly engineLabel: string;
      readonly alert: AlertSummary;
      /** The alert source's name, when the replica has it. */
      readonly sourceName: string | null;
    };

/** What the OS is asked to show. */
export interface OsNotification {
  readonly title: string;
  readonly body: string;
  readonly priority: 'HIGH' | 'LOW';
  readonly sound: boolean;
  readonly engineId: string;
  /** Clicking focuses the console on it; null for shift notices and tests. */
  readonly alertId: string | null;
}

export type NotificationDecision =
  | { readonly notify: true; readonly key: string; readonly notification: OsNotification }
  | {
      readonly notify: false;
      readonly reason: 'disabled' | 'paused' | 'duplicate' | 'not_new_high' | 'maintenance';
    };

export interface DecisionInput {
  readonly prefs: NotificationPreferences;
  readonly paused: boolean;
  readonly now: number;
  readonly recent: DedupWindow;
  /** Several engines are shown: name the engine in the notification. */
  readonly labelEngines: boolean;
}

export function dedupKey(candidate: NotificationCandidate): string {
  if (candidate.source === 'newAlert') return `${candidate.engineId}/alert/${candidate.alert.id}`;
  const { message } = candidate;
  return message.alertId !== null
    ? `${candidate.engineId}/alert/${message.alertId}`
    : `${candidate.engineId}/notification/${message.id}`;
}

function render(candidate: NotificationCandidate, input: DecisionInput): OsNotification {
  const suffix = input.labelEngines ? ` · ${candidate.engineLabel}` : '';
  if (candidate.source === 'push') {
    const { message } = candidate;
    return {
      title: message.title,
      body: `${message.body}${suffix}`,
      priority: message.priority,
      sound: message.priority === 'HIGH' && input.prefs.soundForHigh,
      engineId: candidate.engineId,
      alertId: message.alertId,
    };
  }
  const { alert } = candidate;
  const source = candidate.sourceName ?? `alert source ${alert.sourceId}`;
  return {
    title: `${alert.priority}: ${alert.summary}`,
    body: `Source: ${source}${alert.severity ? ` · ${alert.severity}` : ''}${suffix}`,
    priority: alert.priority,
    sound: alert.priority === 'HIGH' && input.prefs.soundForHigh,
    engineId: candidate.engineId,
    alertId: alert.id,
  };
}

/** Decides, and records the key in `recent` when it notifies. */
export function decideNotification(
  candidate: NotificationCandidate,
  input: DecisionInput,
): NotificationDecision {
  if (!input.prefs.enabled) return { notify: false, reason: 'disabled' };
  if (candidate.source === 'newAlert') {
    const { alert } = candidate;
    if (!input.prefs.allHighAlerts || alert.priority !== 'HIGH' || alert.state !== 'PENDING')
      return { notify: false, reason: 'not_new_high' };
    if (alert.maintenanceWindowId !== null) return { notify: false, reason: 'maintenance' };
  }
  if (input.paused) return { notify: false, reason: 'paused' };
  const key = dedupKey(candidate);
  const windowMs = input.prefs.dedupMinutes * 60_000;
  if (input.recent.isDuplicate(key, input.now, windowMs))
    return { notify: false, reason: 'duplicate' };
  input.recent.record(key, input.now, windowMs);
  return { notify: true, key, notification: render(candidate, input) };
}

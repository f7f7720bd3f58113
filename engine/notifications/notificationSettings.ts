import type { SmtpSettings } from './channels/emailChannel.js';
import type { RetryPolicy } from './retryPolicy.js';

/** How the engine sends notifications (engine options; docs/notifications.md, "Engine options"). */
export interface NotificationSettings {
  /** The SMTP server for email; without it email rules are skipped (and say so). */
  readonly smtp?: SmtpSettings | null;
  /** Addresses and CIDR ranges webhooks may reach although private (`--webhook-allow`). */
  readonly webhookAllow?: readonly string[];
  /** Where people open the console, for links in notifications. Default: the engine's URL. */
  readonly publicUrl?: string;
  readonly retry?: Partial<RetryPolicy>;
  /** [0, 1) for retry jitter; default Math.random. */
  readonly random?: () => number;
  /** How long a notification being sent stays leased. Default 2 minutes. */
  readonly leaseMs?: number;
  /** Per webhook request. Default 10 s. */
  readonly webhookTimeoutMs?: number;
  /** How far ahead each run of the on-call notice planner looks. Default 5 minutes. */
  readonly onCallPlanStepMs?: number;
}

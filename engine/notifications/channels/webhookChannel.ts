import type { OutboxEntry } from '../../store/repositories/outbox.js';
import type { Channel, DeliveryResult } from '../delivery.js';
import { parseRetryAfter } from '../retryPolicy.js';
import { TargetRefusedError, type WebhookTargetGuard } from '../webhookTarget.js';
import { postJson } from './webhookPost.js';

export interface WebhookChannelOptions {
  readonly guard: WebhookTargetGuard;
  readonly now: () => number;
  /** Per request, redirects included. Default 10 s. */
  readonly timeoutMs?: number;
}

/** Slack's mrkdwn needs &, < and > escaped; nothing else. */
const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The body of a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat, Discord's
 * `/slack` endpoint): `text` for receivers that only read that, `blocks` for Slack.
 */
export function slackPayload(entry: OutboxEntry): {
  text: string;
  blocks: Array<Record<string, unknown>>;
} {
  const { message } = entry;
  const link = message.link;
  const icon = message.priority === 'HIGH' ? ':rotating_light:' : ':bell:';
  const title = link ? `<${link}|${escape(message.title)}>` : escape(message.title);
  return {
    // Escaped here too: Slack reads `<!channel>` in `text` as a mention of everyone.
    text: `${escape(message.title)}${link ? ` — ${link}` : ''}`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `${icon} *${title}*\n${escape(message.body)}` },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Nocturne · ${entry.kind} notification` }],
      },
    ],
  };
}

/**
 * POSTs Slack-compatible JSON to the rule's URL, where the SSRF rules allow
 * (./../webhookTarget.ts). 2xx: delivered. 408, 429 and 5xx: retried (Retry-After honoured);
 * other 4xx and 3xx: failed for good (the URL or the payload is wrong; a retry cannot help);
 * network errors and timeouts: retried. `Idempotency-Key` carries the outbox key, so a receiver
 * that knows the header can drop the repeat a crash mid-send causes.
 */
export class WebhookChannel implements Channel {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookChannelOptions) {}

  async send(entry: OutboxEntry, signal: AbortSignal): Promise<DeliveryResult> {
    let url: URL;
    try {
      url = new URL(entry.address ?? '');
    } catch {
      return { outcome: 'failed', detail: 'the webhook URL is not valid', retry: false };
    }
    try {
      const answer = await postJson(url, JSON.stringify(slackPayload(entry)), {
        guard: this.options.guard,
        signal,
        timeoutMs: this.options.timeoutMs ?? 10_000,
        headers: { 'idempotency-key': entry.idempotencyKey },
      });
      const said = answer.body.trim() ? `: ${answer.body.trim().slice(0, 200)}` : '';
      const status = answer.status;
      if (status >= 200 && status < 300) return { outcome: 'delivered', detail: `HTTP ${status}` };
      const retry = status === 408 || status === 429 || status >= 500;
      const retryAfter = answer.headers['retry-after'];
      return {
        outcome: 'failed',
        detail: `HTTP ${status}${said}`,
        retry,
        retryAfterMs: retry ? parseRetryAfter(retryAfter, this.options.now()) : null,
      };
    } catch (error) {
      if (error instanceof TargetRefusedError) {
        return {
          outcome: 'failed',
          retry: false,
          detail: `refused: ${error.message}; Nocturne sends webhooks only to public addresses unless the engine is started with --webhook-allow <range>`,
        };
      }
      const code = (error as NodeJS.ErrnoException).code;
      return {
        outcome: 'failed',
        retry: true,
        detail: `${code ? `${code}: ` : ''}${(error as Error).message ?? String(error)}`,
      };
    }
  }
}

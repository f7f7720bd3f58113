import { createTransport, type Transporter } from 'nodemailer';
import type { OutboxEntry } from '../../store/repositories/outbox.js';
import type { Channel, DeliveryResult } from '../delivery.js';

/** The engine's SMTP server (docs/notifications.md, "Email"). */
export interface SmtpSettings {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS). */
  readonly url: string;
  /** The sender: `Nocturne <nocturne@example.com>`. */
  readonly from: string;
}

/** Replies slower than this count as a failed attempt (retried), not a hung outbox slot. */
const timeouts = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/** What the email says: the notification's text, its link, and why the person gets it. */
export function emailText(entry: OutboxEntry): string {
  const { message } = entry;
  return [
    message.title,
    '',
    message.body,
    ...(message.link ? ['', `Open it: ${message.link}`] : []),
    '',
    '—',
    'Sent by Nocturne because of one of your notification rules; change them in the console.',
  ].join('\n');
}

/**
 * Email over SMTP with nodemailer. A 5xx reply (other than 503) is a permanent refusal and is
 * not retried; 4xx replies, timeouts and connection failures are. The Message-ID is derived
 * from the outbox's idempotency key, so the copy a crash mid-send can cause has the same id
 * and mail clients that de-duplicate by Message-ID show it once.
 */
export class EmailChannel implements Channel {
  readonly name = 'email';
  private readonly transport: Transporter | null;

  constructor(private readonly smtp: SmtpSettings | null) {
    this.transport = smtp ? createTransport({ url: smtp.url, ...timeouts }) : null;
  }

  async send(entry: OutboxEntry, signal: AbortSignal): Promise<DeliveryResult> {
    if (!this.transport || !this.smtp) {
      return {
        outcome: 'skipped',
        detail: 'email is not set up on this engine (start it with --smtp-url and --smtp-from)',
      };
    }
    if (!entry.address) {
      return { outcome: 'failed', detail: 'there is no email address to send to', retry: false };
    }
    const sending = this.transport.sendMail({
      from: this.smtp.from,
      to: entry.address,
      subject: `[Nocturne] ${entry.message.title}`,
      text: emailText(entry),
      messageId: `<${entry.idempotencyKey}@nocturne>`,
      priority: entry.message.priority === 'HIGH' ? 'high' : 'normal',
      headers: { 'X-Nocturne-Notification': entry.idempotencyKey },
    });
    const aborted = new Promise<never>((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    try {
      const info = (await Promise.race([sending, aborted])) as {
        response?: string;
        rejected?: unknown[];
      };
      if (info.rejected && info.rejected.length > 0) {
        return { outcome: 'failed', detail: `rejected: ${info.response ?? ''}`, retry: false };
      }
      return { outcome: 'delivered', detail: info.response ?? 'accepted' };
    } catch (error) {
      sending.catch(() => undefined); // after an abort it still settles; nobody waits for it
      const smtpError = error as NodeJS.ErrnoException & {
        response?: string;
        responseCode?: number;
        permanent?: boolean;
      };
      const detail =
        smtpError.response ?? `${smtpError.code ? `${smtpError.code}: ` : ''}${smtpError.message}`;
      const retry = smtpError.permanent !== true && smtpError.code !== 'ECONFIG';
      return { outcome: 'failed', detail, retry };
    }
  }

  close(): void {
    this.transport?.close();
  }
}

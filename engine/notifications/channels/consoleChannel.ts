import type { NotificationMessage } from '../../../shared/protocol/messages.js';
import type { OutboxEntry } from '../../store/repositories/outbox.js';
import type { Channel, DeliveryResult } from '../delivery.js';

/** Sends a message to the consoles signed in as a user; the stream hub does this. */
export interface ConsolePush {
  /** How many consoles it went to. */
  notifyUser(userId: number, message: NotificationMessage): number;
}

/**
 * Console push: a `notification` stream message to every console signed in as the user
 * (docs/protocol.md). With no console connected the notification is *skipped*, not retried: a
 * console that connects later shows the alert in its queue, and a popup minutes late would
 * mislead; the person's other rules (email after 5 minutes by default) are what reach them away
 * from the console.
 */
export class ConsoleChannel implements Channel {
  readonly name = 'console';

  constructor(
    private readonly push: ConsolePush,
    private readonly now: () => number,
  ) {}

  async send(entry: OutboxEntry): Promise<DeliveryResult> {
    const { message } = entry;
    const consoles = this.push.notifyUser(entry.userId, {
      type: 'notification',
      id: entry.idempotencyKey,
      userId: String(entry.userId),
      kind: entry.kind,
      alertId: entry.alertId === null ? null : String(entry.alertId),
      scheduleId: message.scheduleId === null ? null : String(message.scheduleId),
      title: message.title,
      body: message.body,
      priority: message.priority,
      at: new Date(this.now()).toISOString(),
    });
    return consoles > 0
      ? {
          outcome: 'delivered',
          detail: `delivered to ${consoles} console${consoles > 1 ? 's' : ''}`,
        }
      : { outcome: 'skipped', detail: 'no console connected' };
  }
}

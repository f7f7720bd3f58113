import type { Registry } from 'prom-client';
import type { NotificationChannel } from '../../shared/api/notificationRules.js';
import type { Principal } from '../auth/authenticate.js';
import type { Clock } from '../clock.js';
import { EngineError } from '../errors.js';
import { ResolverCache } from '../schedules/resolverCache.js';
import type { OutboxEntry } from '../store/repositories/outbox.js';
import type { Store, WriteTx } from '../store/store.js';
import { isAdmin, requireSelfOrAdmin } from '../users/userPermissions.js';
import { requireUser } from '../users/userService.js';
import type { WorkRunner } from '../work/workRunner.js';
import { AlertPages, notifyKind } from './alertPages.js';
import { ConsoleChannel, type ConsolePush } from './channels/consoleChannel.js';
import { EmailChannel } from './channels/emailChannel.js';
import { WebhookChannel } from './channels/webhookChannel.js';
import type { Channel } from './delivery.js';
import { logNotification, outcomeText } from './notificationLog.js';
import { NotificationMetrics } from './notificationMetrics.js';
import { NotificationRuleService } from './notificationRuleService.js';
import type { NotificationSettings } from './notificationSettings.js';
import { addressOf, testMessage } from './notificationText.js';
import { OnCallNotices, onCallNoticesKind } from './onCallNotices.js';
import { OutboxDispatcher } from './outboxDispatcher.js';
import type { RecordedOutcome } from './outboxSteps.js';
import type { PageRequest, Pager, PlannedNotification } from './pager.js';
import { defaultRetryPolicy, type RetryPolicy } from './retryPolicy.js';
import { WebhookTargetGuard } from './webhookTarget.js';

export type { NotificationSettings };

export interface NotificationServiceOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** Sends console notifications (the stream hub). */
  readonly consoles: ConsolePush;
  /** The engine's metrics registry. */
  readonly registry: Registry;
  readonly settings: NotificationSettings;
  /** The engine's own URL: the default for links. */
  readonly engineUrl: () => string;
  readonly log: (line: string) => void;
}

/**
 * Notifications (docs/notifications.md): people reached by their own rules, through a
 * persistent outbox. It is the escalation's {@link Pager}; it owns the rules, the on-call
 * notices, the channels and the outbox dispatcher.
 */
export class NotificationService implements Pager {
  readonly rules: NotificationRuleService;
  private readonly pages: AlertPages;
  private readonly onCall: OnCallNotices;
  private readonly dispatcher: OutboxDispatcher;
  private readonly email: EmailChannel;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: NotificationServiceOptions) {
    const { store, clock, settings } = options;
    const guard = new WebhookTargetGuard(settings.webhookAllow ?? []);
    this.rules = new NotificationRuleService(store, clock, guard);
    this.policy = { ...defaultRetryPolicy, ...settings.retry };
    const metrics = new NotificationMetrics(options.registry, () =>
      store.read((tx) => tx.outbox.countByState()),
    );
    this.pages = new AlertPages(clock, metrics, (id) => `${this.baseUrl()}/alerts/${id}`);
    this.onCall = new OnCallNotices({
      clock,
      resolvers: new ResolverCache(),
      stepMs: settings.onCallPlanStepMs ?? 5 * 60_000,
      scheduleLink: (id) => `${this.baseUrl()}/schedules/${id}`,
      onProblem: (message) => options.log(`notifications: ${message}`),
    });
    this.email = new EmailChannel(settings.smtp ?? null);
    const webhook = new WebhookChannel({
      guard,
      now: () => clock.now(),
      ...(settings.webhookTimeoutMs ? { timeoutMs: settings.webhookTimeoutMs } : {}),
    });
    const channels = new Map<NotificationChannel, Channel>([
      ['console', new ConsoleChannel(options.consoles, () => clock.now())],
      ['email', this.email],
      ['webhook', webhook],
    ]);
    this.dispatcher = new OutboxDispatcher({
      store,
      clock,
      channels,
      policy: this.policy,
      random: settings.random ?? Math.random,
      leaseMs: settings.leaseMs ?? 2 * 60_000,
      concurrency: 16,
      // The embedded store holds its data directory's lock: no other sender can be alive.
      reclaimLeasesOnStart: true,
      reasonToSkip: (tx, entry, now) => this.reasonToSkip(tx, entry, now),
      onOutcome: (tx, entry, outcome, now) => this.logOutcome(tx, entry, outcome, now),
      metrics,
      onProblem: (message) => options.log(`notifications: ${message}`),
    });
  }

  /** Registers the due work notifications use; before the work runner starts. */
  registerWork(work: WorkRunner): void {
    work.register(notifyKind, this.pages.notifyWhenDue);
    work.register(onCallNoticesKind, this.onCall.run);
  }

  /** Starts the on-call notice planner (unless it runs already) and the outbox dispatcher. */
  async start(): Promise<void> {
    await this.onCall.ensureScheduled(this.options.store);
    await this.dispatcher.start();
  }

  /** Stops sending (sends under way are aborted, and sent again after the next start). */
  async stop(): Promise<void> {
    await this.dispatcher.stop();
    this.email.close();
  }

  /** Resolves once nothing in the outbox is sendable now and nothing is being sent (tests). */
  idle(): Promise<void> {
    return this.dispatcher.idle();
  }

  /**
   * Rules due now become outbox entries; later ones due work that makes the entry only if the
   * alert is still PENDING then. In the escalation step's transaction; logged on the alert.
   */
  pageUser(tx: WriteTx, request: PageRequest): Promise<PlannedNotification[]> {
    return this.pages.page(tx, request);
  }

  /** Sends a test notification through one of a user's rules; answers the outbox entry. */
  async sendTest(userId: number, ruleId: number, caller: Principal): Promise<OutboxEntry> {
    requireSelfOrAdmin(caller, userId, 'send test notifications');
    const rule = await this.rules.get(userId, ruleId, caller);
    return this.options.store.write(async (tx) => {
      const user = await requireUser(tx, userId);
      const now = this.options.clock.now();
      const entry = await tx.outbox.enqueue({
        kind: 'test',
        channel: rule.channel,
        userId,
        alertId: null,
        address: addressOf(rule.channel, rule.address, user),
        message: testMessage(rule.id, rule.channel, this.baseUrl()),
        // One test per rule and minute: a test is not a way to mail-bomb an address.
        idempotencyKey: `nocturne-test-${rule.id}-${Math.floor(now / 60_000)}`,
        dueAt: now,
        nextAttemptAt: now,
        createdAt: now,
      });
      if (entry) return entry;
      const wait = Math.max(1, Math.ceil((60_000 - (now % 60_000)) / 1000));
      throw new EngineError(
        429,
        'rate_limited',
        `A test notification through rule ${rule.id} went out this minute already; try again in ${wait} s.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    });
  }

  /** A user's notifications, newest first: the user themselves, or an admin. */
  async listSent(userId: number, caller: Principal, limit: number): Promise<OutboxEntry[]> {
    if (!isAdmin(caller) && caller.user.id !== userId) {
      throw new EngineError(
        403,
        'forbidden',
        'Only an admin can see the notifications of another user.',
      );
    }
    return this.options.store.read(async (tx) => {
      await requireUser(tx, userId);
      return tx.outbox.listByUser(userId, limit);
    });
  }

  /** Checked in the transaction that claims an entry for sending. */
  private async reasonToSkip(tx: WriteTx, entry: OutboxEntry, now: number): Promise<string | null> {
    if (!(await tx.users.get(entry.userId))) return 'the user was deleted';
    switch (entry.kind) {
      case 'alert':
        return this.pages.reasonToSkip(tx, entry);
      case 'shift':
        return this.onCall.reasonToSkip(tx, entry, now);
      case 'test':
        return null;
    }
  }

  /** Every outcome of an alert's notification goes into the alert's log. */
  private async logOutcome(
    tx: WriteTx,
    entry: OutboxEntry,
    outcome: RecordedOutcome,
    now: number,
  ): Promise<void> {
    if (entry.alertId === null) return;
    const name = (await tx.users.get(entry.userId))?.name ?? `user ${entry.userId}`;
    const text = outcomeText(entry, outcome, name, this.policy.maxAttempts, now);
    await logNotification(tx, entry.alertId, now, text);
  }

  private baseUrl(): string {
    return (this.options.settings.publicUrl ?? this.options.engineUrl()).replace(/\/+$/, '');
  }
}

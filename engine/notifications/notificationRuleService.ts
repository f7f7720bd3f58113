import {
  CreateNotificationRuleRequest,
  CreateOnCallNotificationRuleRequest,
  type NotificationChannel,
  type UpdateNotificationRuleRequest,
  type UpdateOnCallNotificationRuleRequest,
} from '../../shared/api/notificationRules.js';
import type { Principal } from '../auth/authenticate.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type {
  NotificationRuleRecord,
  OnCallNotificationRuleRecord,
} from '../store/repositories/notificationRules.js';
import type { ReadTx, Store, WriteTx } from '../store/store.js';
import { requireUser } from '../users/userService.js';
import { isAdmin, requireSelfOrAdmin } from '../users/userPermissions.js';
import { parseOrThrow } from '../validation.js';
import { merged, requireNew, requireNewOnCall, requireRoom } from './ruleChecks.js';
import type { WebhookTargetGuard } from './webhookTarget.js';

const ruleNotFound = (what: string, id: number) =>
  notFound('notification_rule_not_found', `${what} ${id} of this user`);

/** Reading rules shows addresses and webhook URLs: the user themselves, or an admin. */
function requireReader(caller: Principal, userId: number): void {
  if (isAdmin(caller) || caller.user.id === userId) return;
  throw new EngineError(
    403,
    'forbidden',
    'Only an admin can see the notification rules of another user.',
  );
}

/**
 * A user's notification rules — how an alert reaches them, and notices before their on-call
 * shifts (docs/notifications.md). A user manages their own, admins anyone's.
 */
export class NotificationRuleService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly guard: WebhookTargetGuard,
  ) {}

  list(userId: number, caller: Principal): Promise<NotificationRuleRecord[]> {
    requireReader(caller, userId);
    return this.store.read(async (tx) => {
      await requireUser(tx, userId);
      return tx.notificationRules.listByUser(userId);
    });
  }

  create(userId: number, body: unknown, caller: Principal): Promise<NotificationRuleRecord> {
    requireSelfOrAdmin(caller, userId, 'change notification rules');
    const rule = parseOrThrow(CreateNotificationRuleRequest, body, 'notification rule');
    this.checkTarget(rule);
    return this.store.write(async (tx) => {
      await requireUser(tx, userId);
      const existing = await tx.notificationRules.listByUser(userId);
      requireRoom(existing.length, 'notification rules');
      requireNew(existing, rule, null);
      const now = this.clock.now();
      return tx.notificationRules.insert({ ...rule, userId, createdAt: now, updatedAt: now });
    });
  }

  update(
    userId: number,
    ruleId: number,
    patch: UpdateNotificationRuleRequest,
    caller: Principal,
  ): Promise<NotificationRuleRecord> {
    requireSelfOrAdmin(caller, userId, 'change notification rules');
    return this.store.write(async (tx) => {
      const current = await requireRule(tx, userId, ruleId);
      const rule = parseOrThrow(
        CreateNotificationRuleRequest,
        merged(current, ['channel', 'delayMinutes', 'priority', 'address'], patch),
        'notification rule',
      );
      this.checkTarget(rule);
      requireNew(await tx.notificationRules.listByUser(userId), rule, ruleId);
      return tx.notificationRules.update(ruleId, { ...rule, updatedAt: this.clock.now() });
    });
  }

  remove(userId: number, ruleId: number, caller: Principal): Promise<void> {
    requireSelfOrAdmin(caller, userId, 'change notification rules');
    return this.store.write(async (tx) => {
      await requireRule(tx, userId, ruleId);
      await tx.notificationRules.remove(ruleId);
    });
  }

  /** A rule of the user, for a test notification. */
  get(userId: number, ruleId: number, caller: Principal): Promise<NotificationRuleRecord> {
    requireReader(caller, userId);
    return this.store.read((tx) => requireRule(tx, userId, ruleId));
  }

  listOnCall(userId: number, caller: Principal): Promise<OnCallNotificationRuleRecord[]> {
    requireReader(caller, userId);
    return this.store.read(async (tx) => {
      await requireUser(tx, userId);
      return tx.notificationRules.listOnCallByUser(userId);
    });
  }

  createOnCall(
    userId: number,
    body: unknown,
    caller: Principal,
  ): Promise<OnCallNotificationRuleRecord> {
    requireSelfOrAdmin(caller, userId, 'change notification rules');
    const rule = parseOrThrow(
      CreateOnCallNotificationRuleRequest,
      body,
      'on-call notification rule',
    );
    this.checkTarget(rule);
    return this.store.write(async (tx) => {
      await requireUser(tx, userId);
      const existing = await tx.notificationRules.listOnCallByUser(userId);
      requireRoom(existing.length, 'on-call notification rules');
      requireNewOnCall(existing, rule, null);
      const now = this.clock.now();
      return tx.notificationRules.insertOnCall({ ...rule, userId, createdAt: now, updatedAt: now });
    });
  }

  updateOnCall(
    userId: number,
    ruleId: number,
    patch: UpdateOnCallNotificationRuleRequest,
    caller: Principal,
  ): Promise<OnCallNotificationRuleRecord> {
    requireSelfOrAdmin(caller, userId, 'change notification rules');
    return this.store.write(async (tx) => {
      const current = await requireOnCallRule(tx, userId, ruleId);
      const rule = parseOrThrow(
        CreateOnCallNotificationRuleRequest,
        merged(current, ['channel', 'minutesBefore', 'address'], patch),
        'on-call notification rule',
      );
      this.checkTarget(rule);
      requireNewOnCall(await tx.notificationRules.listOnCallByUser(userId), rule, ruleId);
      return tx.notificationRules.updateOnCall(ruleId, { ...rule, updatedAt: this.clock.now() });
    });
  }

  removeOnCall(userId: number, ruleId: number, caller: Principal): Promise<void> {
    requireSelfOrAdmin(caller, userId, 'change notification rules');
    return this.store.write(async (tx) => {
      await requireOnCallRule(tx, userId, ruleId);
      await tx.notificationRules.removeOnCall(ruleId);
    });
  }

  /**
   * Refuses a webhook URL that names a refused address outright (an IP literal, localhost);
   * names are resolved and checked when a notification is sent (docs/notifications.md).
   */
  private checkTarget(rule: { channel: NotificationChannel; address: string | null }): void {
    if (rule.channel !== 'webhook' || rule.address === null) return;
    const problem = this.guard.hostProblem(new URL(rule.address).hostname);
    if (!problem) return;
    throw new EngineError(
      400,
      'webhook_target_not_allowed',
      `The webhook URL points at ${problem}. Nocturne does not send webhooks to loopback, private, link-local or metadata addresses unless the engine is started with --webhook-allow <address or range> for it.`,
      [{ path: 'address', message: `points at ${problem}` }],
    );
  }
}

async function requireRule(tx: ReadTx, userId: number, id: number) {
  await requireUser(tx, userId);
  const rule = await tx.notificationRules.get(id);
  if (!rule || rule.userId !== userId) throw ruleNotFound('Notification rule', id);
  return rule;
}

async function requireOnCallRule(tx: ReadTx | WriteTx, userId: number, id: number) {
  await requireUser(tx, userId);
  const rule = await tx.notificationRules.getOnCall(id);
  if (!rule || rule.userId !== userId) throw ruleNotFound('On-call notification rule', id);
  return rule;
}

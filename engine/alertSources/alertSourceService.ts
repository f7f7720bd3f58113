import { randomBytes } from 'node:crypto';
import type {
  CreateAlertSourceRequest,
  UpdateAlertSourceRequest,
} from '../../shared/api/alertSources.js';
import type { Clock } from '../clock.js';
import { notFound } from '../errors.js';
import type { AlertSourceRecord, UserRecord } from '../store/records.js';
import type { Store, WriteTx } from '../store/store.js';
import { toAlertSource, toAlertSummary } from '../wire.js';
import { userActor } from '../alerts/alertService.js';
import { AlertChangeListeners } from '../alerts/alertChanges.js';
import { EngineError } from '../errors.js';
import type {
  AlertSourceChangeListener,
  AlertSourceRemovalListener,
} from './alertSourceChanges.js';

/** 32 hex characters, the length PagerDuty routing keys have (some senders check it). */
export const generateIntegrationKey = () => randomBytes(16).toString('hex');

/** Alert sources: the inbound integrations monitoring tools send events to. */
export class AlertSourceService {
  private readonly sourceListeners: AlertSourceChangeListener[] = [];
  private readonly removalListeners: AlertSourceRemovalListener[] = [];

  /**
   * `alertChanges` hears of the alerts a deletion resolves (escalation stops in the same
   * transaction); the AlertService's listeners in the engine.
   */
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly alertChanges: AlertChangeListeners = new AlertChangeListeners(),
  ) {}

  /** Told of every change to a source's settings, inside its transaction. */
  onSourceChange(listener: AlertSourceChangeListener): void {
    this.sourceListeners.push(listener);
  }

  /** Told of every deletion of a source, inside its transaction. */
  onSourceRemoved(listener: AlertSourceRemovalListener): void {
    this.removalListeners.push(listener);
  }

  list(): Promise<AlertSourceRecord[]> {
    return this.store.read((tx) => tx.alertSources.list());
  }

  async get(id: number): Promise<AlertSourceRecord> {
    const source = await this.store.read((tx) => tx.alertSources.get(id));
    if (!source) throw notFound('alert_source_not_found', `Alert source ${id}`);
    return source;
  }

  create(request: CreateAlertSourceRequest): Promise<AlertSourceRecord> {
    return this.store.write(async (tx) => {
      const now = this.clock.now();
      if (request.escalationPolicyId) await requirePolicy(tx, request.escalationPolicyId);
      const source = await tx.alertSources.insert({
        name: request.name,
        integrationKey: generateIntegrationKey(),
        escalationPolicyId: request.escalationPolicyId ?? null,
        ackTimeoutMinutes: request.ackTimeoutMinutes ?? null,
        autoResolveMinutes: request.autoResolveMinutes ?? null,
        createdAt: now,
        updatedAt: now,
      });
      tx.publish({ kind: 'alertSource', value: toAlertSource(source, false) });
      return source;
    });
  }

  update(id: number, request: UpdateAlertSourceRequest): Promise<AlertSourceRecord> {
    return this.store.write(async (tx) => {
      const before = await requireSource(tx, id);
      // Only a policy sent now is checked: one stored before policies were checked stays.
      if (request.escalationPolicyId) await requirePolicy(tx, request.escalationPolicyId);
      const now = this.clock.now();
      const source = await tx.alertSources.update(id, {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.escalationPolicyId !== undefined
          ? { escalationPolicyId: request.escalationPolicyId }
          : {}),
        ...(request.ackTimeoutMinutes !== undefined
          ? { ackTimeoutMinutes: request.ackTimeoutMinutes }
          : {}),
        ...(request.autoResolveMinutes !== undefined
          ? { autoResolveMinutes: request.autoResolveMinutes }
          : {}),
        ...(request.rotateIntegrationKey ? { integrationKey: generateIntegrationKey() } : {}),
        updatedAt: now,
      });
      tx.publish({ kind: 'alertSource', value: toAlertSource(source, false) });
      for (const listener of this.sourceListeners) {
        await listener(tx, { before, after: source, at: now });
      }
      return source;
    });
  }

  /**
   * Deletes a source: its integration key stops working at once and its open alerts are
   * resolved (logged as such); resolved alerts keep their history.
   */
  remove(id: number, by: UserRecord): Promise<{ resolvedAlerts: number }> {
    return this.store.write(async (tx) => {
      const source = await requireSource(tx, id);
      const now = this.clock.now();
      const open = await tx.alerts.listOpenBySource(id);
      for (const alert of open) {
        const resolved = await tx.alerts.update(alert.id, {
          state: 'RESOLVED',
          resolvedAt: now,
          updatedAt: now,
        });
        await tx.alerts.appendLog({
          alertId: alert.id,
          at: now,
          kind: 'resolved',
          actor: userActor(by),
          message: `Resolved because its alert source "${source.name}" was deleted by ${by.name}`,
        });
        tx.publish({ kind: 'alert', value: toAlertSummary(resolved) });
        await this.alertChanges.notify(tx, { before: alert, after: resolved, at: now });
      }
      for (const listener of this.removalListeners) await listener(tx, { source, at: now });
      await tx.alertSources.remove(id, now);
      tx.publish({ kind: 'alertSource.removed', id: String(id) });
      return { resolvedAlerts: open.length };
    });
  }
}

async function requireSource(tx: WriteTx, id: number): Promise<AlertSourceRecord> {
  const source = await tx.alertSources.get(id);
  if (!source) throw notFound('alert_source_not_found', `Alert source ${id}`);
  return source;
}

/** 400 for a policy that does not exist: a source must name one that does, or none. */
async function requirePolicy(tx: WriteTx, policyId: string): Promise<void> {
  const policy = /^\d{1,15}$/.test(policyId)
    ? await tx.escalationPolicies.get(Number(policyId))
    : null;
  if (policy) return;
  throw new EngineError(
    400,
    'escalation_policy_not_found',
    `There is no escalation policy ${JSON.stringify(policyId)}: pick one from GET /api/v1/escalation-policies, or send null for none.`,
    [{ path: 'escalationPolicyId', message: 'names no escalation policy' }],
  );
}

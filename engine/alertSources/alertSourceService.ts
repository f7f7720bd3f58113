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

/** 32 hex characters, the length PagerDuty routing keys have (some senders check it). */
export const generateIntegrationKey = () => randomBytes(16).toString('hex');

/** Alert sources: the inbound integrations monitoring tools send events to. */
export class AlertSourceService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

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
      const source = await tx.alertSources.insert({
        name: request.name,
        integrationKey: generateIntegrationKey(),
        escalationPolicyId: request.escalationPolicyId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      tx.publish({ kind: 'alertSource', value: toAlertSource(source, false) });
      return source;
    });
  }

  update(id: number, request: UpdateAlertSourceRequest): Promise<AlertSourceRecord> {
    return this.store.write(async (tx) => {
      await requireSource(tx, id);
      const source = await tx.alertSources.update(id, {
        ...(request.name !== undefined ? { name: request.name } : {}),
        ...(request.escalationPolicyId !== undefined
          ? { escalationPolicyId: request.escalationPolicyId }
          : {}),
        ...(request.rotateIntegrationKey ? { integrationKey: generateIntegrationKey() } : {}),
        updatedAt: this.clock.now(),
      });
      tx.publish({ kind: 'alertSource', value: toAlertSource(source, false) });
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
      }
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

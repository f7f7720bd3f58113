import { randomBytes } from 'node:crypto';
import type { Registry } from 'prom-client';
import type {
  CreateHeartbeatMonitorRequest,
  UpdateHeartbeatMonitorRequest,
} from '../../shared/api/heartbeatMonitors.js';
import type { AlertService } from '../alerts/alertService.js';
import type { AlertSourceService } from '../alertSources/alertSourceService.js';
import type { Clock } from '../clock.js';
import { EngineError, notFound } from '../errors.js';
import type { HeartbeatMonitorRecord, UserRecord } from '../store/records.js';
import type { ReadTx, Store, WriteTx } from '../store/store.js';
import type { WorkRunner } from '../work/workRunner.js';
import { HeartbeatMetrics, type PingOutcome } from './heartbeatMetrics.js';
import { heartbeatOverdueHandler } from './heartbeatOverdue.js';
import { deletedMessage, recoveredMessage } from './heartbeatText.js';
import { toHeartbeatMonitor } from './heartbeatWire.js';
import { allowanceMs, heartbeatOverdueKind, scheduleDeadline } from './heartbeatWork.js';

/** 32 hex characters, like integration keys: the secret part of a ping URL. */
const generateKey = () => randomBytes(16).toString('hex');

export const monitorNotFound = (id: number | string) =>
  notFound('heartbeat_monitor_not_found', `Heartbeat monitor ${id}`);

export interface HeartbeatServiceOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly alerts: AlertService;
  readonly alertSources: AlertSourceService;
  readonly work: WorkRunner;
  readonly registry: Registry;
}

/**
 * Heartbeat monitors (docs/heartbeats.md): admins define them, jobs ping them, and a monitor
 * that misses its deadline opens an alert on its alert source through the alert service. Every
 * deadline is durable due work, moved in the transaction of the ping or change that moves it.
 */
export class HeartbeatService {
  readonly metrics: HeartbeatMetrics;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly alerts: AlertService;

  constructor(options: HeartbeatServiceOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.alerts = options.alerts;
    this.metrics = new HeartbeatMetrics(options.registry, () =>
      options.store.read((tx) => tx.heartbeatMonitors.countByStatus()),
    );
    options.work.register(
      heartbeatOverdueKind,
      heartbeatOverdueHandler(options.alerts, () => this.metrics.wentOverdue()),
    );
    options.alertSources.onSourceRemoved((tx, { source, at }) =>
      this.removeAllOf(tx, source.id, at),
    );
  }

  list(): Promise<HeartbeatMonitorRecord[]> {
    return this.store.read((tx) => tx.heartbeatMonitors.list());
  }

  get(id: number): Promise<HeartbeatMonitorRecord> {
    return this.store.read((tx) => requireMonitor(tx, id));
  }

  create(request: CreateHeartbeatMonitorRequest): Promise<HeartbeatMonitorRecord> {
    return this.store.write(async (tx) => {
      const alertSourceId = await requireSource(tx, request.alertSourceId);
      const now = this.clock.now();
      const deadlineAt = request.paused
        ? null
        : now + (request.intervalSeconds + request.graceSeconds) * 1000;
      const monitor = await tx.heartbeatMonitors.insert({
        name: request.name,
        alertSourceId,
        intervalSeconds: request.intervalSeconds,
        graceSeconds: request.graceSeconds,
        key: generateKey(),
        status: request.paused ? 'paused' : 'pending',
        lastPingAt: null,
        deadlineAt,
        alertId: null,
        createdAt: now,
        updatedAt: now,
      });
      await scheduleDeadline(tx, monitor.id, deadlineAt, now);
      tx.publish({ kind: 'heartbeatMonitor', value: toHeartbeatMonitor(monitor, false) });
      return monitor;
    });
  }

  update(id: number, request: UpdateHeartbeatMonitorRequest): Promise<HeartbeatMonitorRecord> {
    return this.store.write(async (tx) => {
      const before = await requireMonitor(tx, id);
      const now = this.clock.now();
      const alertSourceId =
        request.alertSourceId !== undefined
          ? await requireSource(tx, request.alertSourceId)
          : before.alertSourceId;
      const timing = {
        intervalSeconds: request.intervalSeconds ?? before.intervalSeconds,
        graceSeconds: request.graceSeconds ?? before.graceSeconds,
      };
      let { status, deadlineAt } = before;
      if (request.paused === true) {
        status = 'paused';
        deadlineAt = null;
      } else if (request.paused === false && before.status === 'paused') {
        // Watched again from now: the job gets a whole interval (and grace) to ping.
        status = 'pending';
        deadlineAt = now + allowanceMs(timing);
      } else if ((status === 'pending' || status === 'up') && deadlineAt !== null) {
        // The deadline counts from the same moment (the last ping, or the start of watching),
        // with the new interval and grace; one already passed makes the monitor overdue now.
        deadlineAt = deadlineAt - allowanceMs(before) + allowanceMs(timing);
      }
      const monitor = await tx.heartbeatMonitors.update(id, {
        ...(request.name !== undefined ? { name: request.name } : {}),
        alertSourceId,
        ...timing,
        ...(request.rotateKey ? { key: generateKey() } : {}),
        status,
        deadlineAt,
        updatedAt: now,
      });
      if (deadlineAt !== before.deadlineAt) await scheduleDeadline(tx, id, deadlineAt, now);
      tx.publish({ kind: 'heartbeatMonitor', value: toHeartbeatMonitor(monitor, false) });
      return monitor;
    });
  }

  /** Deletes a monitor: its URL stops working, its deadline goes, its open alert is resolved. */
  remove(id: number, by: UserRecord): Promise<void> {
    return this.store.write(async (tx) => {
      const monitor = await requireMonitor(tx, id);
      const now = this.clock.now();
      await scheduleDeadline(tx, id, null, now);
      if (monitor.alertId !== null) {
        await this.alerts.resolveBySystem(tx, monitor.alertId, deletedMessage(monitor, by.name));
      }
      await tx.heartbeatMonitors.remove(id);
      tx.publish({ kind: 'heartbeatMonitor.removed', id: String(id) });
    });
  }

  /**
   * A ping with `key`: the monitor is up (unless paused), its overdue alert resolved, its
   * deadline moved to one interval and grace from now. Resolves once durable; an unknown key
   * answers 404 `unknown_heartbeat_key`.
   */
  async ping(key: string): Promise<{ monitor: HeartbeatMonitorRecord; outcome: PingOutcome }> {
    const result = await this.store.write(async (tx) => {
      const before = await tx.heartbeatMonitors.getByKey(key);
      if (!before) {
        throw new EngineError(
          404,
          'unknown_heartbeat_key',
          'No heartbeat monitor has this key. Copy the ping URL from the monitor in Nocturne (it changes when the key is rotated).',
        );
      }
      const now = this.clock.now();
      const resolved =
        before.alertId !== null
          ? await this.alerts.resolveBySystem(tx, before.alertId, recoveredMessage(before, now))
          : null;
      const paused = before.status === 'paused';
      const deadlineAt = paused ? null : now + allowanceMs(before);
      const monitor = await tx.heartbeatMonitors.update(before.id, {
        lastPingAt: now,
        alertId: null,
        ...(paused ? {} : { status: 'up' as const, deadlineAt }),
        updatedAt: now,
      });
      if (!paused) await scheduleDeadline(tx, before.id, deadlineAt, now);
      tx.publish({ kind: 'heartbeatMonitor', value: toHeartbeatMonitor(monitor, false) });
      const outcome: PingOutcome = paused ? 'paused' : resolved ? 'recovered' : 'up';
      return { monitor, outcome };
    });
    this.metrics.ping(result.outcome);
    return result;
  }

  /** The source is being deleted: its monitors go too (its alerts are resolved by the deletion). */
  private async removeAllOf(tx: WriteTx, alertSourceId: number, at: number): Promise<void> {
    for (const monitor of await tx.heartbeatMonitors.listBySource(alertSourceId)) {
      await scheduleDeadline(tx, monitor.id, null, at);
      await tx.heartbeatMonitors.remove(monitor.id);
      tx.publish({ kind: 'heartbeatMonitor.removed', id: String(monitor.id) });
    }
  }
}

async function requireMonitor(tx: ReadTx, id: number): Promise<HeartbeatMonitorRecord> {
  const monitor = await tx.heartbeatMonitors.get(id);
  if (!monitor) throw monitorNotFound(id);
  return monitor;
}

/** 400 for a source that does not exist: a monitor must open its alerts somewhere. */
async function requireSource(tx: ReadTx, id: string): Promise<number> {
  if (await tx.alertSources.get(Number(id))) return Number(id);
  throw new EngineError(
    400,
    'alert_source_not_found',
    `There is no alert source ${id} (deleted?): pick one from GET /api/v1/alert-sources.`,
    [{ path: 'alertSourceId', message: 'names no alert source' }],
  );
}

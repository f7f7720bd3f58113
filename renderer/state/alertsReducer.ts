import type { AlertSummary } from '../../shared/domain/alert.js';
import { recordAlertsStep } from './alertsLineage.js';
import { ShardedMap, type ShardedMapDraft } from './shardedMap.js';

/** Alerts normalised by id (Grafana OnCall's shape); ordered lists are derived by selectors. */
export interface AlertsState {
  readonly byId: ShardedMap<AlertSummary>;
  /**
   * When alerts this console had not seen before arrived live (ms since the epoch), for the
   * brief "new" mark. The first snapshot marks nothing; a resync snapshot marks what came in
   * while the console was away.
   */
  readonly arrivedAt: ReadonlyMap<string, number>;
}

export const alertRetention = {
  /** How long an arrival is remembered (the "new" mark lasts at most this long). */
  arrivalMs: 60_000,
  /**
   * Resolved alerts kept besides the open ones (the engine's snapshot carries 200): a wall
   * screen that runs for weeks must not grow without bound. The oldest resolved go first.
   */
  resolved: 1000,
} as const;

export const emptyAlerts: AlertsState = { byId: ShardedMap.empty(), arrivedAt: new Map() };

/**
 * Applies alert changes and snapshots: each batch copies only the shards of the alerts map it
 * touches (./shardedMap.ts), and the arrivals map at most once.
 */
export class AlertsDraft {
  private byId: ShardedMapDraft<AlertSummary> | null = null;
  private arrivedAt: Map<string, number> | null = null;
  private sawResolved = false;
  /** The previous version of every alert put since the base (null after a snapshot). */
  private before: Map<string, AlertSummary | undefined> | null = new Map();

  constructor(
    private base: AlertsState,
    private readonly now: number,
  ) {}

  /** Replace everything; alerts unknown before are marked new unless this is the first data. */
  snapshot(alerts: readonly AlertSummary[], markNew: boolean): void {
    const previous = this.byId ?? this.base.byId;
    const arrived = this.writableArrivals();
    const next = ShardedMap.empty<AlertSummary>().draft();
    for (const alert of alerts) {
      next.set(alert.id, alert);
      if (markNew && !previous.has(alert.id) && alert.state !== 'RESOLVED') {
        arrived.set(alert.id, this.now);
      }
    }
    this.byId = next;
    this.sawResolved = true;
    this.before = null;
  }

  put(alert: AlertSummary): void {
    const byId = this.writableAlerts();
    if (!byId.has(alert.id) && alert.state !== 'RESOLVED') {
      this.writableArrivals().set(alert.id, this.now);
    }
    if (alert.state === 'RESOLVED') this.sawResolved = true;
    if (this.before && !this.before.has(alert.id)) this.before.set(alert.id, byId.get(alert.id));
    byId.set(alert.id, alert);
  }

  get result(): AlertsState {
    if (!this.byId && !this.arrivedAt) return this.base;
    let byId = this.base.byId;
    if (this.byId) {
      if (this.sawResolved) {
        for (const dropped of dropOldResolved(this.byId, alertRetention.resolved)) {
          if (this.before && !this.before.has(dropped.id)) this.before.set(dropped.id, dropped);
        }
      }
      byId = this.byId.build();
      if (this.before) recordAlertsStep(byId, this.base.byId, this.before);
    }
    const arrivedAt = this.arrivedAt ?? new Map(this.base.arrivedAt);
    for (const [id, at] of arrivedAt) {
      if (this.now - at > alertRetention.arrivalMs || !byId.has(id)) arrivedAt.delete(id);
    }
    return { byId, arrivedAt };
  }

  private writableAlerts(): ShardedMapDraft<AlertSummary> {
    this.byId ??= this.base.byId.draft();
    return this.byId;
  }

  private writableArrivals(): Map<string, number> {
    this.arrivedAt ??= new Map(this.base.arrivedAt);
    return this.arrivedAt;
  }
}

/**
 * Deletes the oldest resolved alerts beyond `keep` (by resolution time, then id); returns them.
 */
export function dropOldResolved(
  byId: ShardedMapDraft<AlertSummary>,
  keep: number,
): readonly AlertSummary[] {
  const resolved: AlertSummary[] = [];
  for (const alert of byId.values()) if (alert.state === 'RESOLVED') resolved.push(alert);
  if (resolved.length <= keep) return [];
  resolved.sort(
    (a, b) => compareText(a.resolvedAt ?? '', b.resolvedAt ?? '') || Number(a.id) - Number(b.id),
  );
  const dropped = resolved.slice(0, resolved.length - keep);
  for (const alert of dropped) byId.delete(alert.id);
  return dropped;
}

/** Code-unit order: ISO timestamps of one format sort right, and far faster than localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

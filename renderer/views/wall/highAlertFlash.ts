import type { AlertSummary } from '../../../shared/domain/alert.js';
import { alertsChangedSince } from '../../state/alertsLineage.js';

/** How long a new HIGH alert flashes on the wall. */
export const flashMs = 30_000;

export interface FlashUpdate {
  /** Alerts flashing now, with when their flash started (ms since the epoch). */
  readonly flashing: ReadonlyMap<string, number>;
  /** Alerts whose flash started with this update: one beep, whatever their number. */
  readonly started: readonly string[];
}

type AlertsById = ReadonlyMap<string, AlertSummary>;

const flashes = (alert: AlertSummary | undefined) =>
  alert !== undefined && alert.priority === 'HIGH' && alert.state === 'PENDING';

/**
 * Which HIGH alerts flash, from the replicated alerts. The stream's changes are applied in
 * sequence order (stale and replayed ones are dropped, state/syncReducer.ts), and the alerts
 * slice marks each alert it had not seen in `arrivedAt` — so an alert flashes once, when it
 * first arrives live, never for the first snapshot, and a resync after a network drop flashes
 * what came meanwhile. An open LOW alert raised to HIGH flashes too (seen through the alerts
 * map's lineage when one batch apart). A flash ends after `flashMs`, or once the alert is no
 * longer a pending HIGH one (accepted, resolved, dropped). The state held is bounded by the
 * arrivals of the last minute (`alertRetention.arrivalMs`), so a wall can run for weeks.
 */
export class HighAlertFlashes {
  private byId: AlertsById | null = null;
  private arrivedAt: ReadonlyMap<string, number> | null = null;
  private now = Number.NaN;
  private last: FlashUpdate = { flashing: new Map(), started: [] };

  constructor(private readonly durationMs = flashMs) {}

  /** The flashes at `now`. The same arguments again give the same answer (and no new start). */
  update(byId: AlertsById, arrivedAt: ReadonlyMap<string, number>, now: number): FlashUpdate {
    if (byId === this.byId && arrivedAt === this.arrivedAt && now === this.now) return this.last;
    const previous = this.last.flashing;
    const flashing = new Map<string, number>();
    for (const [id, since] of previous) {
      if (now - since < this.durationMs && flashes(byId.get(id))) flashing.set(id, since);
    }
    for (const [id, at] of arrivedAt) {
      if (!flashing.has(id) && !previous.has(id) && now - at < this.durationMs) {
        if (flashes(byId.get(id))) flashing.set(id, at);
      }
    }
    const changed = this.byId ? alertsChangedSince(byId, this.byId) : null;
    for (const [id, before] of changed ?? []) {
      if (before?.priority === 'LOW' && !previous.has(id) && flashes(byId.get(id))) {
        flashing.set(id, now);
      }
    }
    const started = [...flashing.keys()].filter((id) => !previous.has(id));
    this.byId = byId;
    this.arrivedAt = arrivedAt;
    this.now = now;
    this.last = { flashing, started };
    return this.last;
  }
}

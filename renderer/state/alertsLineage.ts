import type { AlertSummary } from '../../shared/domain/alert.js';

type AlertsById = ReadonlyMap<string, AlertSummary>;

/** What one batch changed in the alerts map: the previous version of each alert it touched. */
interface AlertsStep {
  /** The map the batch started from; weak, so a map never keeps its ancestors alive. */
  readonly from: WeakRef<AlertsById>;
  /** Every id added, replaced or deleted, with its version in `from` (undefined: it is new). */
  readonly before: ReadonlyMap<string, AlertSummary | undefined>;
}

/**
 * Alerts maps remember how they were made, so selectors over 50,000 alerts update their answer
 * from the few alerts a batch touched instead of recomputing it (docs/console.md, "Selectors").
 * Kept beside the state, not in it: the slice's public shape stays `{ byId, arrivedAt }`.
 */
const steps = new WeakMap<AlertsById, AlertsStep>();

export function recordAlertsStep(
  next: AlertsById,
  from: AlertsById,
  before: ReadonlyMap<string, AlertSummary | undefined>,
): void {
  steps.set(next, { from: new WeakRef(from), before });
}

/**
 * The alerts that differ between `from` and `next` (with their versions in `from`) when `next`
 * was made from `from` by one batch; an empty map when they are the same map; null when unknown
 * (a snapshot, or more than one batch apart): the caller recomputes from scratch.
 */
export function alertsChangedSince(
  next: AlertsById,
  from: AlertsById,
): ReadonlyMap<string, AlertSummary | undefined> | null {
  if (next === from) return new Map();
  const step = steps.get(next);
  return step && step.from.deref() === from ? step.before : null;
}

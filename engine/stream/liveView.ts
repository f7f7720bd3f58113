import type { AlertSummary } from '../../shared/domain/alert.js';
import { alertRow } from '../../shared/protocol/alertRows.js';
import type { Change } from '../../shared/protocol/changes.js';

/** The entity lists of a snapshot besides alerts and their escalations (part 0 carries them). */
export const entityLists = [
  'alertSources',
  'users',
  'teams',
  'schedules',
  'escalationPolicies',
  'heartbeatMonitors',
  'maintenanceWindows',
] as const;
export type EntityList = (typeof entityLists)[number];

/** Change kind → the snapshot list its entities belong to. */
const listOfKind: Record<string, EntityList> = {
  alertSource: 'alertSources',
  user: 'users',
  team: 'teams',
  schedule: 'schedules',
  escalationPolicy: 'escalationPolicies',
  heartbeatMonitor: 'heartbeatMonitors',
  maintenanceWindow: 'maintenanceWindows',
};

/** What a snapshot shows at one sequence, as the JSON text of each entity. */
export interface LiveViewSeed {
  readonly seq: number;
  /** Open alerts in id order, then resolved ones, most recently resolved first. */
  readonly alerts: readonly AlertSummary[];
  readonly alertEscalations: ReadonlyArray<{ readonly alertId: string }>;
  readonly entities: { readonly [L in EntityList]: ReadonlyArray<{ readonly id: string }> };
}

/** An alert as snapshots send it: its object (protocol 1) and its row (protocol 2, UTF-8). */
export interface AlertEntry {
  readonly json: string;
  readonly row: Buffer;
}

interface ResolvedEntry {
  entry: AlertEntry;
  readonly resolvedAt: string;
}

function alertEntry(alert: AlertSummary, json: string): AlertEntry {
  return { json, row: Buffer.from(JSON.stringify(alertRow(alert))) };
}

/**
 * What a console's snapshot shows (docs/protocol.md, "Snapshots"), kept up to date from the
 * durable commits instead of read from the store for every console: the open alerts, the
 * `resolvedLimit` most recently resolved, the escalation of each, and every other entity — each
 * as its JSON text, so a snapshot is string joins (alerts also as their protocol 2 row, UTF-8
 * encoded, so a part is one buffer copy). A console that stayed connected would hold the same
 * state (the changes carry whole entities), which is what makes this correct.
 *
 * Memory: about the JSON size of the live set, ≈ 0.9 kB per open alert (object and row).
 */
export class LiveView {
  private seqNow: number;
  private readonly open = new Map<string, AlertEntry>();
  /** Insertion order = resolve order: the first is the least recently resolved. */
  private readonly resolved = new Map<string, ResolvedEntry>();
  private readonly escalations = new Map<string, string>();
  private readonly entities = new Map<EntityList, Map<string, string>>(
    entityLists.map((list) => [list, new Map()]),
  );

  constructor(
    seed: LiveViewSeed,
    private readonly resolvedLimit: number,
  ) {
    this.seqNow = seed.seq;
    const resolved: AlertSummary[] = [];
    for (const alert of seed.alerts) {
      if (alert.state === 'RESOLVED') resolved.push(alert);
      else this.open.set(alert.id, alertEntry(alert, JSON.stringify(alert)));
    }
    for (const alert of resolved.reverse())
      this.putResolved(alert, alertEntry(alert, JSON.stringify(alert)));
    for (const escalation of seed.alertEscalations)
      this.escalations.set(escalation.alertId, JSON.stringify(escalation));
    for (const list of entityLists) {
      const map = this.entities.get(list)!;
      for (const entity of seed.entities[list]) map.set(entity.id, JSON.stringify(entity));
    }
  }

  /** The sequence this view is at: every commit up to it is applied, none after. */
  get seq(): number {
    return this.seqNow;
  }

  get openCount(): number {
    return this.open.size;
  }

  /**
   * Applies one durable commit; `parts` are the changes' JSON (the stream's entry), reused so
   * nothing is serialised twice. Commits at or below the view's sequence are already in it.
   */
  apply(seq: number, changes: readonly Change[], parts: readonly string[]): void {
    if (seq <= this.seqNow) return;
    this.seqNow = seq;
    let escalated: string[] | null = null;
    changes.forEach((change, i) => {
      if (change.kind === 'alert') {
        this.putAlert(change.value, valueJson(change, parts[i]));
      } else if (change.kind === 'alertEscalation') {
        this.escalations.set(change.value.alertId, valueJson(change, parts[i]));
        (escalated ??= []).push(change.value.alertId);
      } else if ('value' in change) {
        this.entities
          .get(listOfKind[change.kind]!)!
          .set(change.value.id, valueJson(change, parts[i]));
      } else {
        this.entities.get(listOfKind[change.kind.slice(0, -'.removed'.length)]!)!.delete(change.id);
      }
    });
    // An alert's escalation is kept while the alert is in the view (it may come first in a commit).
    for (const id of escalated ?? []) if (!this.has(id)) this.escalations.delete(id);
  }

  /**
   * The alerts in snapshot order — open by id, then the most recently resolved first — as their
   * JSON objects (protocol 1) and rows (protocol 2).
   */
  alertEntries(): AlertEntry[] {
    const entries = [...this.open.values()];
    const resolved = [...this.resolved.values()];
    for (let i = resolved.length - 1; i >= 0; i -= 1) entries.push(resolved[i]!.entry);
    return entries;
  }

  /** The ids in the same order as {@link alertEntries}. */
  alertIds(): string[] {
    return [...this.open.keys(), ...[...this.resolved.keys()].reverse()];
  }

  escalationText(alertId: string): string | undefined {
    return this.escalations.get(alertId);
  }

  entityTexts(list: EntityList): string[] {
    return [...this.entities.get(list)!.values()];
  }

  private has(alertId: string): boolean {
    return this.open.has(alertId) || this.resolved.has(alertId);
  }

  private putAlert(alert: AlertSummary, json: string): void {
    const entry = alertEntry(alert, json);
    if (alert.state !== 'RESOLVED') {
      this.open.set(alert.id, entry); // a new alert has the highest id: last, as in id order
      return;
    }
    this.open.delete(alert.id);
    this.putResolved(alert, entry);
  }

  private putResolved(alert: AlertSummary, entry: AlertEntry): void {
    const known = this.resolved.get(alert.id);
    if (known) {
      known.entry = entry; // a later change to a resolved alert keeps its place
      return;
    }
    const resolvedAt = alert.resolvedAt ?? '';
    if (this.resolvedLimit === 0) {
      this.escalations.delete(alert.id);
      return;
    }
    if (this.resolved.size >= this.resolvedLimit) {
      // Older than every alert kept (an old resolved alert commented on): not in the snapshot.
      const oldest = this.resolved.values().next().value!;
      if (resolvedAt < oldest.resolvedAt) {
        this.escalations.delete(alert.id);
        return;
      }
    }
    this.resolved.set(alert.id, { entry, resolvedAt });
    while (this.resolved.size > this.resolvedLimit) {
      const [evicted] = this.resolved.keys();
      this.resolved.delete(evicted!);
      this.escalations.delete(evicted!);
    }
  }
}

/** The JSON of a change's `value`: cut out of the change's own JSON when it has the usual shape. */
function valueJson(change: Extract<Change, { value: unknown }>, part: string | undefined): string {
  const prefix = `{"kind":${JSON.stringify(change.kind)},"value":`;
  if (part !== undefined && part.startsWith(prefix) && part.endsWith('}'))
    return part.slice(prefix.length, -1);
  return JSON.stringify(change.value);
}

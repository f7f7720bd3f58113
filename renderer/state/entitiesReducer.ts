import type { AlertEscalation } from '../../shared/escalation/alertEscalation.js';
import type {
  AlertSource,
  StoredEscalationPolicy,
  StoredSchedule,
  Team,
  User,
} from '../../shared/protocol/messages.js';
import type { Snapshot } from '../../shared/sync/syncStatus.js';

/**
 * Everything the stream replicates besides alerts, normalised by id. Maps are replaced (never
 * mutated) when they change, so a selector over users does not recompute for an alert change.
 */
export interface EntitiesState {
  readonly alertSources: ReadonlyMap<string, AlertSource>;
  readonly users: ReadonlyMap<string, User>;
  readonly teams: ReadonlyMap<string, Team>;
  readonly schedules: ReadonlyMap<string, StoredSchedule>;
  readonly escalationPolicies: ReadonlyMap<string, StoredEscalationPolicy>;
  /** By alert id: where each alert's escalation stands. */
  readonly alertEscalations: ReadonlyMap<string, AlertEscalation>;
  /**
   * Entities of kinds this console does not know yet (a newer engine; a kind added to
   * shared/protocol/changes.ts before the console learnt it), by kind, then id. Kept so that a
   * view can use them before this file grows a typed map for them.
   */
  readonly other: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
}

type KnownKey = Exclude<keyof EntitiesState, 'other'>;

/** Change kinds (and their `.removed`) → where they live and how they are keyed. */
const kinds: Record<string, { key: KnownKey; id: (value: Record<string, unknown>) => unknown }> = {
  alertSource: { key: 'alertSources', id: (v) => v.id },
  user: { key: 'users', id: (v) => v.id },
  team: { key: 'teams', id: (v) => v.id },
  schedule: { key: 'schedules', id: (v) => v.id },
  escalationPolicy: { key: 'escalationPolicies', id: (v) => v.id },
  alertEscalation: { key: 'alertEscalations', id: (v) => v.alertId },
};

export const emptyEntities: EntitiesState = {
  alertSources: new Map(),
  users: new Map(),
  teams: new Map(),
  schedules: new Map(),
  escalationPolicies: new Map(),
  alertEscalations: new Map(),
  other: new Map(),
};

const byId = <T>(items: readonly T[], id: (item: T) => string) =>
  new Map(items.map((item) => [id(item), item]));

/** Snapshot lists this file reads by name; every other list goes to `other`. */
const snapshotLists = new Set([
  'alerts',
  'alertSources',
  'users',
  'teams',
  'schedules',
  'escalationPolicies',
  'alertEscalations',
]);

export function entitiesFromSnapshot(snapshot: Snapshot): EntitiesState {
  return {
    alertSources: byId(snapshot.alertSources, (s) => s.id),
    users: byId(snapshot.users, (u) => u.id),
    teams: byId(snapshot.teams, (t) => t.id),
    schedules: byId(snapshot.schedules, (s) => s.id),
    escalationPolicies: byId(snapshot.escalationPolicies, (p) => p.id),
    alertEscalations: byId(snapshot.alertEscalations, (e) => e.alertId),
    other: otherLists(snapshot),
  };
}

/**
 * Lists of the snapshot this console has no typed map for (`heartbeatMonitors`, …), under the
 * kind their changes carry (the list's name without its plural `s`: `heartbeatMonitor`), by id.
 */
function otherLists(snapshot: Snapshot): ReadonlyMap<string, ReadonlyMap<string, unknown>> {
  const other = new Map<string, ReadonlyMap<string, unknown>>();
  for (const [name, list] of Object.entries(snapshot)) {
    if (snapshotLists.has(name) || !Array.isArray(list) || !name.endsWith('s')) continue;
    const items = new Map<string, unknown>();
    for (const item of list as unknown[]) {
      const id = isRecord(item) ? item.id : undefined;
      if (typeof id === 'string') items.set(id, item);
    }
    other.set(name.slice(0, -1), items);
  }
  return other;
}

/** A change as far as this file needs it: tolerant of kinds it has never seen. */
export interface LooseChange {
  readonly kind: string;
  readonly value?: unknown;
  readonly id?: unknown;
}

/**
 * Applies entity changes, copying each map at most once per call. Alert changes are not this
 * file's business (./alertsReducer.ts); they are skipped here.
 */
export class EntitiesDraft {
  private readonly copied = new Set<string>();
  private state: { -readonly [K in keyof EntitiesState]: EntitiesState[K] };

  constructor(base: EntitiesState) {
    this.state = { ...base };
  }

  get result(): EntitiesState {
    return this.state;
  }

  apply(change: LooseChange): void {
    if (change.kind === 'alert') return;
    const removed = change.kind.endsWith('.removed');
    const kind = removed ? change.kind.slice(0, -'.removed'.length) : change.kind;
    const value = isRecord(change.value) ? change.value : null;
    const known = kinds[kind];
    const id = removed ? change.id : known ? value && known.id(value) : value?.id;
    if (typeof id !== 'string') return; // nothing this console can key: ignore it
    const map = known ? this.writable(known.key) : this.writableOther(kind);
    if (removed) map.delete(id);
    else if (value) map.set(id, value);
  }

  private writable(key: KnownKey): Map<string, unknown> {
    if (!this.copied.has(key)) {
      this.copied.add(key);
      const current = this.state[key] as ReadonlyMap<string, unknown>;
      (this.state as Record<KnownKey, unknown>)[key] = new Map(current);
    }
    return this.state[key] as Map<string, unknown>;
  }

  private writableOther(kind: string): Map<string, unknown> {
    if (!this.copied.has('other')) {
      this.copied.add('other');
      this.state.other = new Map(this.state.other);
    }
    const other = this.state.other as Map<string, ReadonlyMap<string, unknown>>;
    const copyKey = `other:${kind}`;
    if (!this.copied.has(copyKey)) {
      this.copied.add(copyKey);
      other.set(kind, new Map(other.get(kind)));
    }
    return other.get(kind) as Map<string, unknown>;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

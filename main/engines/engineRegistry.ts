import { randomBytes } from 'node:crypto';
import type { AlertSummary } from '../../shared/domain/alert.js';
import type { EngineView, IpcSyncEvent } from '../../shared/ipc/ipcViews.js';
import type { NotificationMessage } from '../../shared/protocol/messages.js';
import { addCounts, type TrayCounts } from '../tray/trayBadge.js';
import { EngineConnection, type EngineConnectionOptions } from './engineConnection.js';

export const embeddedEngineId = 'embedded';

export interface EngineRegistryDeps {
  /** A stream event of `engineId` for the windows subscribed to it. */
  forward(webContentsIds: readonly number[], engineId: string, event: IpcSyncEvent): void;
  onNewAlert(engine: EngineConnection, alert: AlertSummary, sourceName: string | null): void;
  onNotification(engine: EngineConnection, notification: NotificationMessage): void;
  /** The list, a status or the counts changed. */
  onDidChange(): void;
  createConnection?(options: EngineConnectionOptions): EngineConnection;
}

type EmbeddedState =
  | { readonly kind: 'off' }
  | { readonly kind: 'starting' }
  | { readonly kind: 'failed'; readonly problem: string };

/**
 * Every engine connection main holds: the embedded one and the remote ones, several at once, each
 * labelled. Windows subscribe per engine; the registry forwards each engine's stream to the
 * windows that asked for it and keeps the tray's counts.
 */
export class EngineRegistry {
  private readonly connections = new Map<string, EngineConnection>();
  private readonly subscribers = new Map<string, Set<number>>();
  private embedded: EmbeddedState = { kind: 'off' };

  constructor(private readonly deps: EngineRegistryDeps) {}

  static newRemoteId(): string {
    return `remote-${randomBytes(6).toString('hex')}`;
  }

  setEmbeddedState(state: EmbeddedState): void {
    this.embedded = state;
    this.deps.onDidChange();
  }

  /** Connects to an engine (replacing a connection of the same id). */
  connect(options: Omit<EngineConnectionOptions, 'hooks'>): EngineConnection {
    this.disconnect(options.id);
    const id = options.id;
    const hooks: EngineConnectionOptions['hooks'] = {
      onSyncEvent: (event) => {
        const ids = [...(this.subscribers.get(id) ?? [])];
        if (ids.length > 0) this.deps.forward(ids, id, event);
      },
      onNewAlert: (alert, sourceName) => this.deps.onNewAlert(connection, alert, sourceName),
      onNotification: (notification) => this.deps.onNotification(connection, notification),
      onDidChange: () => this.deps.onDidChange(),
    };
    const full = { ...options, hooks };
    const connection = this.deps.createConnection?.(full) ?? new EngineConnection(full);
    this.connections.set(id, connection);
    if (id === embeddedEngineId) this.embedded = { kind: 'off' };
    connection.start();
    this.deps.onDidChange();
    return connection;
  }

  disconnect(id: string): void {
    const connection = this.connections.get(id);
    if (!connection) return;
    connection.stop();
    this.connections.delete(id);
    this.deps.onDidChange();
  }

  get(id: string): EngineConnection | undefined {
    return this.connections.get(id);
  }

  all(): EngineConnection[] {
    return [...this.connections.values()];
  }

  /** A window wants this engine's stream: it gets where things stand now, then every event. */
  subscribe(id: string, webContentsId: number): boolean {
    const connection = this.connections.get(id);
    if (!connection) return false;
    let set = this.subscribers.get(id);
    if (!set) this.subscribers.set(id, (set = new Set()));
    set.add(webContentsId);
    this.deps.forward([webContentsId], id, { type: 'status', status: connection.status });
    const snapshot = connection.snapshot();
    if (snapshot) this.deps.forward([webContentsId], id, { type: 'snapshot', snapshot });
    return true;
  }

  unsubscribe(id: string, webContentsId: number): void {
    this.subscribers.get(id)?.delete(webContentsId);
  }

  /** A window closed: it subscribes to nothing any more. */
  forgetWindow(webContentsId: number): void {
    for (const set of this.subscribers.values()) set.delete(webContentsId);
  }

  counts(): TrayCounts {
    return addCounts(this.all().map((c) => c.counts()));
  }

  views(): EngineView[] {
    const views: EngineView[] = [];
    if (this.embedded.kind !== 'off' && !this.connections.has(embeddedEngineId))
      views.push({
        id: embeddedEngineId,
        label: 'This computer',
        kind: 'embedded',
        url: '',
        status: this.embedded.kind === 'starting' ? 'starting' : 'failed',
        problem: this.embedded.kind === 'failed' ? this.embedded.problem : null,
        pendingForMe: 0,
        pendingOverall: 0,
      });
    for (const c of this.connections.values()) {
      const counts = c.counts();
      views.push({
        id: c.id,
        label: c.label,
        kind: c.kind,
        url: c.url,
        status: c.status.status,
        problem: c.status.error?.message ?? null,
        pendingForMe: counts.pendingForMe,
        pendingOverall: counts.pendingOverall,
      });
    }
    return views;
  }

  stopAll(): void {
    for (const id of [...this.connections.keys()]) this.disconnect(id);
  }
}

import WebSocket from 'ws';
import { z } from 'zod';
import { Alert, AlertLogEntry, type AlertSummary } from '../../shared/domain/alert.js';
import { User, UserRole } from '../../shared/domain/user.js';
import type {
  IpcResult,
  IpcSyncEvent,
  SignedInUserView,
  AlertWithLogView,
} from '../../shared/ipc/ipcViews.js';
import { Replica } from '../../shared/sync/replica.js';
import { createSyncClient, type SyncClient } from '../../shared/sync/syncClient.js';
import type { Snapshot, SyncStatus } from '../../shared/sync/syncStatus.js';
import {
  webSocketConnector,
  type WebSocketConstructor,
} from '../../shared/sync/webSocketConnector.js';
import type { NotificationMessage } from '../../shared/protocol/messages.js';
import { countPending } from '../tray/pendingCounts.js';
import type { TrayCounts } from '../tray/trayBadge.js';
import { createEngineRest, type EngineRest } from './engineRest.js';

const maxReplicatedAlerts = 20_000;

const SignedInUser: z.ZodType<SignedInUserView> = User.extend({ effectiveRole: UserRole });
const AlertWithLog: z.ZodType<AlertWithLogView> = Alert.extend({
  log: z.object({ items: z.array(AlertLogEntry), nextCursor: z.string().nullable() }),
});

export interface EngineConnectionHooks {
  /** Every stream event, to forward to subscribed windows. */
  onSyncEvent(event: IpcSyncEvent): void;
  /** An alert this connection had not seen before appeared in a delta (not in a snapshot). */
  onNewAlert(alert: AlertSummary, sourceName: string | null): void;
  onNotification(notification: NotificationMessage): void;
  /** Status or counts changed: the tray and the engine list redraw. */
  onDidChange(): void;
}

export interface EngineConnectionOptions {
  readonly id: string;
  readonly label: string;
  readonly kind: 'embedded' | 'remote';
  readonly url: string;
  readonly token: string;
  readonly hooks: EngineConnectionHooks;
  readonly fetch?: typeof fetch;
}

/**
 * One engine as main holds it: the shared sync client over the `ws` package, a replica of the
 * stream's state (so tray counts, new-alert notifications and new windows work without asking
 * the engine again), the signed-in user, and REST calls for the console's actions.
 */
export class EngineConnection {
  readonly id: string;
  readonly label: string;
  readonly kind: 'embedded' | 'remote';
  readonly url: string;
  readonly rest: EngineRest;
  readonly replica = new Replica();
  private readonly sync: SyncClient;
  private serverTime = new Date(0).toISOString();
  private me: SignedInUserView | null = null;
  private asking = false;

  constructor(private readonly options: EngineConnectionOptions) {
    this.id = options.id;
    this.label = options.label;
    this.kind = options.kind;
    this.url = options.url.replace(/\/+$/, '');
    this.rest = createEngineRest({
      baseUrl: this.url,
      token: () => options.token,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    const hooks = options.hooks;
    this.sync = createSyncClient({
      connect: webSocketConnector({
        url: this.url,
        token: () => options.token,
        WebSocket: WebSocket as unknown as WebSocketConstructor,
      }),
      listener: {
        onSnapshot: (snapshot) => {
          this.replica.applySnapshot(snapshot);
          this.serverTime = snapshot.serverTime;
          hooks.onSyncEvent({ type: 'snapshot', snapshot });
          hooks.onDidChange();
        },
        onChanges: (changes, seq) => {
          const fresh: AlertSummary[] = [];
          for (const change of changes)
            if (change.kind === 'alert' && !this.replica.alerts.has(change.value.id))
              fresh.push(change.value);
          this.replica.applyChanges(changes, seq);
          this.dropOldResolved();
          const streamId = this.replica.streamId ?? '';
          hooks.onSyncEvent({ type: 'changes', streamId, seq, changes });
          for (const alert of fresh)
            hooks.onNewAlert(alert, this.replica.alertSources.get(alert.sourceId)?.name ?? null);
          hooks.onDidChange();
        },
        onStatus: (status) => {
          hooks.onSyncEvent({ type: 'status', status });
          if (status.status === 'live' && this.me === null) void this.refreshMe();
          hooks.onDidChange();
        },
        onNotification: (notification) => {
          hooks.onSyncEvent({ type: 'notification', notification });
          hooks.onNotification(notification);
        },
      },
      checkToken: async () => {
        const me = await this.whoAmI();
        return me.ok || me.error.status !== 401;
      },
    });
  }

  start(): void {
    this.sync.start();
  }

  stop(): void {
    this.sync.stop();
  }

  reconnect(): void {
    this.sync.reconnect();
  }

  get status(): SyncStatus {
    return this.sync.status;
  }

  get userId(): string | null {
    return this.me?.id ?? null;
  }

  counts(): TrayCounts {
    return countPending(this.replica.alerts.values(), this.replica.alertEscalations, this.userId);
  }

  /** The replica as a snapshot, for a window that subscribes after the stream went live. */
  snapshot(): Snapshot | null {
    const r = this.replica;
    if (r.streamId === null || r.seq === null) return null;
    return {
      streamId: r.streamId,
      seq: r.seq,
      serverTime: this.serverTime,
      alerts: [...r.alerts.values()],
      alertSources: [...r.alertSources.values()],
      users: [...r.users.values()],
      teams: [...r.teams.values()],
      schedules: [...r.schedules.values()],
      escalationPolicies: [...r.escalationPolicies.values()],
      alertEscalations: [...r.alertEscalations.values()],
      heartbeatMonitors: [...r.heartbeatMonitors.values()],
      maintenanceWindows: [...r.maintenanceWindows.values()],
    };
  }

  whoAmI(): Promise<IpcResult<SignedInUserView>> {
    return this.rest.call('GET', '/api/v1/me', SignedInUser);
  }

  getAlert(id: string): Promise<IpcResult<AlertWithLogView>> {
    return this.rest.call('GET', `/api/v1/alerts/${encodeURIComponent(id)}`, AlertWithLog);
  }

  alertAction(
    id: string,
    action: 'accept' | 'resolve' | 'comment' | 'assign',
    body: Record<string, unknown>,
  ): Promise<IpcResult<Alert>> {
    return this.rest.call(
      'POST',
      `/api/v1/alerts/${encodeURIComponent(id)}/${action}`,
      Alert,
      body,
    );
  }

  /**
   * The app runs for weeks: resolved alerts keep arriving as changes and the replica never drops
   * them (shared/sync/replica.ts). Past a bound, forget those resolved over a day ago; a window
   * that subscribes later does not need them (its queue shows open and recent alerts).
   */
  private dropOldResolved(): void {
    if (this.replica.alerts.size <= maxReplicatedAlerts) return;
    const cutoff = Date.now() - 24 * 3600_000;
    for (const [id, alert] of this.replica.alerts)
      if (alert.state === 'RESOLVED' && alert.resolvedAt && Date.parse(alert.resolvedAt) < cutoff)
        this.replica.alerts.delete(id);
  }

  private async refreshMe(): Promise<void> {
    if (this.asking) return;
    this.asking = true;
    try {
      const me = await this.whoAmI();
      if (me.ok) {
        this.me = me.value;
        this.options.hooks.onDidChange();
      }
    } finally {
      this.asking = false;
    }
  }
}

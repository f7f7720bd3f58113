import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AlertQueries } from './alerts/alertQueries.js';
import { AlertService } from './alerts/alertService.js';
import { AlertSourceService } from './alertSources/alertSourceService.js';
import { bootstrapAdmin, type BootstrapResult } from './auth/bootstrap.js';
import { TokenService } from './auth/tokenService.js';
import { TokenUsage } from './auth/tokenUsage.js';
import { systemClock, type Clock } from './clock.js';
import type { EngineContext } from './engineContext.js';
import { createHttpApp } from './http/app.js';
import { createScheduleServices } from './schedules/scheduleServices.js';
import { RateLimiter, type RateLimit } from './ingest/rateLimiter.js';
import { EngineMetrics } from './metrics/engineMetrics.js';
import {
  NotificationService,
  type NotificationSettings,
} from './notifications/notificationService.js';
import { EscalationService } from './escalation/escalationService.js';
import { EscalationPolicyService } from './escalation/policyService.js';
import { TimelineQueries } from './escalation/timelineQueries.js';
import { HeartbeatService } from './heartbeats/heartbeatService.js';
import { MaintenanceService } from './maintenance/maintenanceService.js';
import { SqlJsStore, type StartupReport } from './store/sqljs/sqlJsStore.js';
import type { Store } from './store/store.js';
import { createUpgradeHandler } from './stream/streamUpgrade.js';
import { defaultStreamOptions, StreamHub, type StreamHubOptions } from './stream/streamHub.js';
import { engineVersion } from './version.js';
import { WorkRunner } from './work/workRunner.js';
import { TeamService } from './teams/teamService.js';
import { UserService } from './users/userService.js';

export interface EngineOptions {
  readonly dataDir: string;
  /** Default 127.0.0.1: only this machine. */
  readonly host?: string;
  /** Default 7070; 0 picks a free port. */
  readonly port?: number;
  /** PEM files: serve HTTPS and WSS. */
  readonly tls?: { readonly certFile: string; readonly keyFile: string } | null;
  /** Use this admin token instead of generating one at first start. */
  readonly adminToken?: string;
  /** Origins (besides the engine's own) whose pages may open the stream. */
  readonly allowedOrigins?: readonly string[];
  readonly ingestRateLimit?: RateLimit;
  readonly clock?: Clock;
  /** Journal bytes per segment (a snapshot follows each full segment). */
  readonly segmentBytes?: number;
  readonly stream?: Partial<StreamHubOptions>;
  /** SMTP, webhook allow-list, links, retry policy (docs/notifications.md). */
  readonly notifications?: NotificationSettings;
  readonly log?: (line: string) => void;
  /** The built operator console to serve at `/` (default: the project's dist/renderer). */
  readonly consoleDir?: string;
}

export const defaultPort = 7070;
export const defaultIngestRateLimit: RateLimit = { perSecond: 100, burst: 1000 };

export interface Engine {
  /** `http(s)://host:port` */
  readonly url: string;
  readonly port: number;
  readonly version: string;
  readonly bootstrap: BootstrapResult;
  readonly startup: StartupReport & { readonly seconds: number };
  readonly store: Store;
  readonly context: EngineContext;
  /** Stops taking requests, finishes those under way, writes a snapshot, releases the data dir. */
  close(): Promise<void>;
}

/** Starts an engine: store recovery, bootstrap, HTTP API and stream. */
export async function startEngine(options: EngineOptions): Promise<Engine> {
  const started = performance.now();
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const tls = options.tls
    ? { cert: readFileSync(options.tls.certFile), key: readFileSync(options.tls.keyFile) }
    : null;

  let metrics: EngineMetrics | undefined;
  const { store, report } = await SqlJsStore.open({
    dir: options.dataDir,
    clock,
    ...(options.segmentBytes ? { segmentBytes: options.segmentBytes } : {}),
    onFlush: (info) => {
      metrics?.journalFlush.observe(info.seconds);
      metrics?.journalFlushRecords.observe(info.records);
    },
    onCheckpoint: () => metrics?.checkpoints.inc(),
    onProblem: (message) => log(`store: ${message}`),
  });
  try {
    metrics = new EngineMetrics(() => store.read((tx) => tx.alerts.countByState()));
    const bootstrap = await bootstrapAdmin(store, clock, options.adminToken);
    const hub = new StreamHub(store, metrics, { ...defaultStreamOptions, ...options.stream });
    let engineUrl = 'http://127.0.0.1';
    const alerts = new AlertService(store, clock);
    const work = new WorkRunner({
      store,
      clock,
      onProblem: (message) => log(`work: ${message}`),
      onDone: (kind, lagSeconds) => metrics?.workLag.observe({ kind }, lagSeconds),
    });
    const alertSources = new AlertSourceService(store, clock, alerts.changes);
    const context: EngineContext = {
      version: engineVersion,
      store,
      clock,
      metrics,
      alerts,
      alertQueries: new AlertQueries(store),
      alertSources,
      rateLimiter: new RateLimiter(options.ingestRateLimit ?? defaultIngestRateLimit, clock),
      hub,
      users: new UserService(store, clock, (tokenId) => hub.disconnectToken(tokenId)),
      tokens: new TokenService(store, clock, (tokenId) => hub.disconnectToken(tokenId)),
      tokenUsage: new TokenUsage(store, clock),
      teams: new TeamService(store, clock),
      schedules: createScheduleServices(store, clock),
      work,
      notifications: new NotificationService({
        store,
        clock,
        consoles: hub,
        registry: metrics.registry,
        settings: options.notifications ?? {},
        engineUrl: () => engineUrl,
        log,
      }),
      escalationPolicies: new EscalationPolicyService(store, clock),
      escalation: new EscalationService({
        work,
        alertChanges: alerts.changes,
        alertSources,
        pager: () => context.notifications,
      }),
      timelines: new TimelineQueries(store, clock),
      heartbeats: new HeartbeatService({
        store,
        clock,
        alerts,
        alertSources,
        work,
        registry: metrics.registry,
      }),
      maintenance: new MaintenanceService(store, clock, alertSources),
    };
    context.notifications.registerWork(context.work);
    let closing: Promise<void> | null = null;
    const app = createHttpApp(context, {
      tls,
      isClosing: () => closing !== null,
      logError: (message, error) => log(`${message}: ${(error as Error)?.stack ?? String(error)}`),
      ...(options.consoleDir ? { consoleDir: options.consoleDir } : {}),
    });
    const upgrade = createUpgradeHandler({
      store,
      hub,
      tokenUsage: context.tokenUsage,
      policy: { allowedOrigins: options.allowedOrigins ?? [] },
      secure: tls !== null,
    });
    app.server.on('upgrade', upgrade.handle);
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? defaultPort });
    // Overdue work (after a restart) runs now, once the API answers.
    context.work.start();
    const port = (app.server.address() as AddressInfo).port;
    const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
    engineUrl = `${tls ? 'https' : 'http'}://${urlHost}:${port}`;
    await context.notifications.start();

    return {
      url: `${tls ? 'https' : 'http'}://${urlHost}:${port}`,
      port,
      version: engineVersion,
      bootstrap,
      startup: { ...report, seconds: (performance.now() - started) / 1000 },
      store,
      context,
      close: () =>
        (closing ??= (async () => {
          hub.close();
          upgrade.close();
          await app.close();
          await context.work.stop();
          await context.notifications.stop();
          await store.close();
        })()),
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

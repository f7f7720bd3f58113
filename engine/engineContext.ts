import type { AlertQueries } from './alerts/alertQueries.js';
import type { AlertService } from './alerts/alertService.js';
import type { AlertSourceService } from './alertSources/alertSourceService.js';
import type { Clock } from './clock.js';
import type { RateLimiter } from './ingest/rateLimiter.js';
import type { EngineMetrics } from './metrics/engineMetrics.js';
import type { Store } from './store/store.js';
import type { StreamHub } from './stream/streamHub.js';

/** The engine's services, as the HTTP routes and the stream reach them. */
export interface EngineContext {
  readonly version: string;
  readonly store: Store;
  readonly clock: Clock;
  readonly metrics: EngineMetrics;
  readonly alerts: AlertService;
  readonly alertQueries: AlertQueries;
  readonly alertSources: AlertSourceService;
  readonly rateLimiter: RateLimiter;
  readonly hub: StreamHub;
}

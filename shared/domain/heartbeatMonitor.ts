import { z } from 'zod';

/**
 * Where a heartbeat monitor stands (docs/heartbeats.md):
 * - `pending`: created (or resumed) and not pinged since; it goes overdue if no ping comes in time;
 * - `up`: pinged within its interval and grace;
 * - `overdue`: the deadline passed without a ping; an alert is open on its alert source;
 * - `paused`: not watched: no deadline, no alert.
 */
export const HeartbeatStatus = z.enum(['pending', 'up', 'overdue', 'paused']);
export type HeartbeatStatus = z.infer<typeof HeartbeatStatus>;

/**
 * A heartbeat monitor: a job (a backup, a cron task, a monitoring pipeline) pings its URL at
 * least every `intervalSeconds`; when a ping is `graceSeconds` later than that, an alert opens
 * on `alertSourceId` and is escalated like any other. Consoles replicate it over the stream.
 */
export const HeartbeatMonitor = z.object({
  id: z.string(),
  name: z.string(),
  alertSourceId: z.string(),
  intervalSeconds: z.number().int(),
  graceSeconds: z.number().int(),
  /**
   * The secret of the ping URL `/api/v1/heartbeats/{key}`. Only shown to responders and admins;
   * streams never carry it.
   */
  key: z.string().optional(),
  paused: z.boolean(),
  status: HeartbeatStatus,
  lastPingAt: z.string().nullable(),
  /**
   * When the engine next looks: without a ping by then, a `pending` or `up` monitor goes
   * overdue; an `overdue` monitor whose alert opened during maintenance escalates then
   * (docs/maintenance.md). Null while paused, and while overdue with nothing more to do.
   */
  deadlineAt: z.string().nullable(),
  /** The alert the monitor opened when it went overdue, while that alert may be open; else null. */
  alertId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type HeartbeatMonitor = Readonly<z.infer<typeof HeartbeatMonitor>>;

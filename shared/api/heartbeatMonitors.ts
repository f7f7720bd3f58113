import { z } from 'zod';
import { limits } from '../domain/limits.js';

/** Bounds of a heartbeat monitor's timing, in seconds (docs/heartbeats.md). */
export const heartbeatLimits = {
  /** Expected ping interval: a minute to 31 days. */
  intervalSeconds: { min: 60, max: 31 * 86_400 },
  /** Extra time after the interval before the monitor is overdue: none to a week. */
  graceSeconds: { min: 0, max: 7 * 86_400 },
  /** Grace when a monitor is created without one. */
  defaultGraceSeconds: 300,
} as const;

const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(limits.nameChars, `a name has at most ${limits.nameChars} characters`);

const seconds = (field: 'intervalSeconds' | 'graceSeconds', what: string) => {
  const { min, max } = heartbeatLimits[field];
  const sentence = `${what} is ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} seconds`;
  return z.number({ error: sentence }).int(sentence).min(min, sentence).max(max, sentence);
};

const intervalSeconds = seconds('intervalSeconds', 'the interval');
const graceSeconds = seconds('graceSeconds', 'the grace period');
/** The alert source the monitor's alerts open on (`GET /api/v1/alert-sources`). */
const alertSourceId = z.string().regex(/^\d{1,15}$/, 'an alert source id, e.g. "3"');

/** `POST /api/v1/heartbeat-monitors` */
export const CreateHeartbeatMonitorRequest = z.strictObject({
  name,
  alertSourceId,
  intervalSeconds,
  graceSeconds: graceSeconds.default(heartbeatLimits.defaultGraceSeconds),
  /** Create it paused: not watched until resumed. */
  paused: z.boolean().default(false),
});
export type CreateHeartbeatMonitorRequest = z.infer<typeof CreateHeartbeatMonitorRequest>;

/** `PATCH /api/v1/heartbeat-monitors/{id}`: the fields given change, the others stay. */
export const UpdateHeartbeatMonitorRequest = z.strictObject({
  name: name.optional(),
  alertSourceId: alertSourceId.optional(),
  intervalSeconds: intervalSeconds.optional(),
  graceSeconds: graceSeconds.optional(),
  /** `true` stops watching (the deadline is cancelled); `false` watches again from now. */
  paused: z.boolean().optional(),
  /** `true` issues a new ping key; the old URL stops working at once. */
  rotateKey: z.boolean().optional(),
});
export type UpdateHeartbeatMonitorRequest = z.infer<typeof UpdateHeartbeatMonitorRequest>;

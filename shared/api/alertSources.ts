import { z } from 'zod';
import { limits } from '../domain/limits.js';
import { Deleted } from './deleted.js';

const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(limits.nameChars, `a name has at most ${limits.nameChars} characters`);

/** Bounds of an alert source's timeouts, in minutes (docs/api.md, "Alert sources"). */
export const alertSourceTimeouts = {
  /** Acknowledgement timeout: up to a week. */
  ackTimeoutMinutes: { min: 1, max: 10_080 },
  /** Auto-resolve timeout: up to 30 days. */
  autoResolveMinutes: { min: 1, max: 43_200 },
} as const;

const minutes = (field: keyof typeof alertSourceTimeouts, what: string) => {
  const { min, max } = alertSourceTimeouts[field];
  const sentence = `${what} is ${min} to ${max.toLocaleString('en-US')} minutes, or null for none`;
  return z
    .number({ error: sentence })
    .int(sentence)
    .min(min, sentence)
    .max(max, sentence)
    .nullable()
    .optional();
};

/** An escalation policy's id (`GET /api/v1/escalation-policies`), or null for none. */
const escalationPolicyId = z.string().min(1).max(64).nullable().optional();
/** Accepted but unresolved this long: PENDING again, and escalation restarts. */
const ackTimeoutMinutes = minutes('ackTimeoutMinutes', 'the acknowledgement timeout');
/** No new event this long: resolved. */
const autoResolveMinutes = minutes('autoResolveMinutes', 'the auto-resolve timeout');

/** `POST /api/v1/alert-sources` */
export const CreateAlertSourceRequest = z.strictObject({
  name,
  escalationPolicyId,
  ackTimeoutMinutes,
  autoResolveMinutes,
});
export type CreateAlertSourceRequest = z.infer<typeof CreateAlertSourceRequest>;

/** `PATCH /api/v1/alert-sources/{id}`: the fields given change, the others stay. */
export const UpdateAlertSourceRequest = z.strictObject({
  name: name.optional(),
  escalationPolicyId,
  ackTimeoutMinutes,
  autoResolveMinutes,
  /** `true` issues a new integration key; the old one stops working at once. */
  rotateIntegrationKey: z.boolean().optional(),
});
export type UpdateAlertSourceRequest = z.infer<typeof UpdateAlertSourceRequest>;

/** The answer of `DELETE /api/v1/alert-sources/{id}`: how many open alerts it resolved. */
export const AlertSourceDeleted = Deleted.extend({ resolvedAlerts: z.number() });
export type AlertSourceDeleted = z.infer<typeof AlertSourceDeleted>;

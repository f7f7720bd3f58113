import { z } from 'zod';
import { BaseVersion } from './schedules.js';
import { EscalationLevel, EscalationPolicy } from '../escalation/escalationPolicyModel.js';

/**
 * Requests and answers of `/api/v1/escalation-policies` (docs/api.md, "Escalation policies"),
 * shared by the engine and the console's policy editor. The policy itself is the model of
 * shared/escalation; the engine checks every write with parseEscalationPolicy against the
 * users, schedules and teams that exist, so a console can check a draft the same way first.
 */

const policyShape = EscalationPolicy.unwrap().shape;
const levelShape = EscalationLevel.unwrap().shape;

/**
 * A policy as the engine stores it, in REST answers and in the stream's `escalationPolicy`
 * changes: the model plus when it was created and last changed (RFC 3339, UTC).
 */
export const StoredEscalationPolicy = z.object({
  ...policyShape,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredEscalationPolicy = z.infer<typeof StoredEscalationPolicy>;

/** One problem validateEscalationPolicy finds (docs/escalation.md, "Validation"). */
export const PolicyProblemView = z.object({
  path: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});

/**
 * `GET /api/v1/escalation-policies/{id}` and every write's answer: the stored policy, what
 * validateEscalationPolicy says about it now (a target deleted since shows as an error: that
 * target reaches nobody), and the alert sources that use it.
 */
export const EscalationPolicyResponse = StoredEscalationPolicy.extend({
  problems: z.array(PolicyProblemView),
  alertSources: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type EscalationPolicyResponse = z.infer<typeof EscalationPolicyResponse>;

export const EscalationPolicyListResponse = z.object({ items: z.array(EscalationPolicyResponse) });

/** A level in a request: `roundRobin` may be left out (false). */
export const LevelDraft = z.object({
  ...levelShape,
  roundRobin: levelShape.roundRobin.optional(),
});
export type LevelDraft = z.infer<typeof LevelDraft>;

/**
 * `POST /api/v1/escalation-policies`. The engine fills the defaults (`repeat` 0, `roundRobin`
 * false) and checks the whole with parseEscalationPolicy: every problem comes back as `400
 * invalid_escalation_policy` with the field's path and a problem code.
 */
export const CreateEscalationPolicyRequest = z.strictObject({
  name: policyShape.name,
  levels: z.array(LevelDraft),
  repeat: policyShape.repeat.optional(),
});
export type CreateEscalationPolicyRequest = z.infer<typeof CreateEscalationPolicyRequest>;

/**
 * `PUT /api/v1/escalation-policies/{id}`: the whole policy, based on `version` (or send
 * `If-Match`). A policy as GET answers it can be sent back as it is: `id` must then be the
 * policy's, and the read-only fields are ignored.
 */
export const UpdateEscalationPolicyRequest = CreateEscalationPolicyRequest.extend({
  id: z.string().optional(),
  version: BaseVersion.optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  problems: z.array(z.unknown()).optional(),
  alertSources: z.array(z.unknown()).optional(),
});
export type UpdateEscalationPolicyRequest = z.infer<typeof UpdateEscalationPolicyRequest>;

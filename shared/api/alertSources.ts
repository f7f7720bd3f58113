import { z } from 'zod';
import { limits } from '../domain/limits.js';

const name = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(limits.nameChars, `a name has at most ${limits.nameChars} characters`);

/** `POST /api/v1/alert-sources` */
export const CreateAlertSourceRequest = z.strictObject({
  name,
  escalationPolicyId: z.string().min(1).max(64).nullable().optional(),
});
export type CreateAlertSourceRequest = z.infer<typeof CreateAlertSourceRequest>;

/** `PATCH /api/v1/alert-sources/{id}`: the fields given change, the others stay. */
export const UpdateAlertSourceRequest = z.strictObject({
  name: name.optional(),
  escalationPolicyId: z.string().min(1).max(64).nullable().optional(),
  /** `true` issues a new integration key; the old one stops working at once. */
  rotateIntegrationKey: z.boolean().optional(),
});
export type UpdateAlertSourceRequest = z.infer<typeof UpdateAlertSourceRequest>;

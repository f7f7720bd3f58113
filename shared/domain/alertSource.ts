import { z } from 'zod';

/** An inbound integration: monitoring tools send events to it with its integration key. */
export const AlertSource = z.object({
  id: z.string(),
  name: z.string(),
  /** Only shown to admins and responders; consoles' streams never carry it. */
  integrationKey: z.string().optional(),
  escalationPolicyId: z.string().nullable(),
  /**
   * Minutes an accepted alert may stay unresolved before it is PENDING again and escalates anew
   * (docs/escalation.md); null: never. Engines before escalation sent none: read it as null.
   */
  ackTimeoutMinutes: z.number().int().nullable().default(null),
  /** Minutes without a new event after which an open alert is resolved; null: never. */
  autoResolveMinutes: z.number().int().nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertSource = Readonly<z.infer<typeof AlertSource>>;

import { z } from 'zod';

/** An inbound integration: monitoring tools send events to it with its integration key. */
export const AlertSource = z.object({
  id: z.string(),
  name: z.string(),
  /** Only shown to admins and responders; consoles' streams never carry it. */
  integrationKey: z.string().optional(),
  escalationPolicyId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AlertSource = Readonly<z.infer<typeof AlertSource>>;

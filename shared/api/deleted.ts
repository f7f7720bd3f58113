import { z } from 'zod';

/** The answer of a `DELETE` that removed what it named. */
export const Deleted = z.object({ deleted: z.literal(true) });
export type Deleted = z.infer<typeof Deleted>;

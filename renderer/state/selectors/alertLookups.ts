import type { AlertSource, User } from '../../../shared/protocol/messages.js';

/** Names for the ids alerts carry, from the replicated entities. */
export interface AlertLookups {
  sourceName(sourceId: string): string;
  userName(userId: string | null): string | null;
}

export function alertLookups(
  sources: ReadonlyMap<string, AlertSource>,
  users: ReadonlyMap<string, User>,
): AlertLookups {
  return {
    // A source deleted since (or not replicated yet) still needs a name to show and sort by.
    sourceName: (id) => sources.get(id)?.name ?? `Source ${id}`,
    userName: (id) => (id === null ? null : (users.get(id)?.name ?? `User ${id}`)),
  };
}

import { useCallback, useMemo } from 'react';
import { useAppStore } from '../../app/services.js';

/** Users from the stream, by name, and a name for an id (a deleted user keeps their id). */
export function useUserNames() {
  const byId = useAppStore((s) => s.entities.users);
  const users = useMemo(
    () =>
      [...byId.values()]
        .map((user) => ({ id: user.id, name: user.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [byId],
  );
  const userName = useCallback(
    (userId: string) => byId.get(userId)?.name ?? `deleted user ${userId}`,
    [byId],
  );
  return { users, userName };
}

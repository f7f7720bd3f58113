import { useCallback, useEffect, useMemo } from 'react';
import { useActions, useAppStore } from '../../app/services.js';
import { selectQueueIds } from '../../state/selectors/alertSelectors.js';
import { holdQueue, type HeldQueue } from './queueHold.js';

export interface QueueRows {
  /** The ids to show, in order. */
  readonly rows: readonly string[];
  /** What waits while the order is held; null when the queue follows the live order. */
  readonly held: HeldQueue | null;
  /** Show what waits (the "N new" button): the hold takes the current live order. */
  readonly catchUp: () => void;
}

/**
 * The queue's rows, held while the operator reads: once a row is focused or selected, rows
 * stop moving and new alerts wait behind "N new" (./queueHold.ts). Escape, or clearing focus
 * and selection, lets the queue follow the live order again; so does changing the filter.
 */
export function useQueueRows(): QueueRows {
  const live = useAppStore(selectQueueIds);
  const hold = useAppStore((s) => s.ui.queueHold);
  const byId = useAppStore((s) => s.alerts.byId);
  const reading = useAppStore((s) => s.ui.focusedId !== null || s.ui.selectedIds.size > 0);
  const filter = useAppStore((s) => s.filters.queue);
  const sort = useAppStore((s) => s.filters.sort);
  const { holdQueue: setHold, releaseQueueHold } = useActions();

  useEffect(() => {
    if (reading && !hold) setHold(live);
    if (!reading && hold) releaseQueueHold();
  }, [reading, hold, live, setHold, releaseQueueHold]);

  // A new filter or sort is the operator's own doing: show its result at once. Rendering the
  // live order when this runs (the hold is still the old one) is why `live` is not a dependency.
  useEffect(() => {
    releaseQueueHold();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a filter or sort change
  }, [filter, sort]);

  const held = useMemo(
    () => (hold ? holdQueue(hold, live, (id) => byId.has(id)) : null),
    [hold, live, byId],
  );
  const catchUp = useCallback(() => setHold(live), [setHold, live]);
  return { rows: held ? held.rows : live, held, catchUp };
}

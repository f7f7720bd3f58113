import { useMemo } from 'react';
import { useAppStore } from '../../app/services.js';
import { selectQueueIds } from '../../state/selectors/alertSelectors.js';
import { QueueFilters } from './QueueFilters.js';
import { QueueSummary } from './QueueSummary.js';
import { QueueTable } from './QueueTable.js';
import { QueueToolbar } from './QueueToolbar.js';
import { useQueueKeyboard } from './useQueueKeyboard.js';
import { useQueueRows } from './useQueueRows.js';

/** The alert queue: counts, filters, the live table, keyboard first. */
export function QueueView() {
  const { rows, held, catchUp } = useQueueRows();
  const live = useAppStore(selectQueueIds);
  // Held rows that left the filter are shown dimmed until the operator catches up.
  const inView = useMemo(() => (held && held.left > 0 ? new Set(live) : null), [held, live]);
  useQueueKeyboard(rows);
  return (
    <section className="queue" aria-label="Alert queue">
      <QueueSummary />
      <QueueFilters />
      <QueueToolbar rows={rows} held={held} onCatchUp={catchUp} />
      <QueueTable rows={rows} inView={inView} />
    </section>
  );
}

import { memo } from 'react';
import { useActions, useAppStore } from '../../app/services.js';
import { PriorityBadge } from '../../components/PriorityBadge.js';
import { StateBadge } from '../../components/StateBadge.js';
import { useNow } from '../../components/useNow.js';
import { ageOf } from '../../format/age.js';
import { selectLookups } from '../../state/selectors/alertSelectors.js';
import { ownerId } from '../../state/selectors/alertQuery.js';
import { newMarkMs, queueRowHeight } from './queueLayout.js';

interface QueueRowProps {
  readonly id: string;
  readonly index: number;
  /** Offset from the top of the list (px), from the virtualizer. */
  readonly top: number;
  /** Still in the view's filter (a held row may have left it). */
  readonly inView: boolean;
}

/** One alert's row. Reads its own alert, so a change to one alert re-renders one row. */
export const QueueRow = memo(function QueueRow({ id, index, top, inView }: QueueRowProps) {
  const alert = useAppStore((s) => s.alerts.byId.get(id));
  const sourceName = useAppStore((s) => alert && selectLookups(s).sourceName(alert.sourceId));
  const owner = useAppStore((s) => (alert ? selectLookups(s).userName(ownerId(alert)) : null));
  const focused = useAppStore((s) => s.ui.focusedId === id);
  const selected = useAppStore((s) => s.ui.selectedIds.has(id));
  const pending = useAppStore((s) => s.actions.pending.get(id));
  const arrivedAt = useAppStore((s) => s.alerts.arrivedAt.get(id));
  const now = useNow(1000);
  const { focusAlert, toggleSelected, navigate } = useActions();
  if (!alert) return null;
  const isNew = arrivedAt !== undefined && now - arrivedAt < newMarkMs;
  const classes = [
    'queue-row',
    focused && 'is-focused',
    selected && 'is-selected',
    isNew && 'is-new',
    !inView && 'is-outside',
    alert.state === 'RESOLVED' && 'is-resolved',
  ].filter(Boolean);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.join(' ')}
      data-alert-id={id}
      data-state={alert.state}
      // CSSOM, not an inline style attribute: allowed under the console's style-src 'self'.
      style={{ transform: `translateY(${top}px)`, height: queueRowHeight }}
      onClick={() => focusAlert(id)}
      onDoubleClick={() => navigate({ name: 'alert', id })}
    >
      <span role="gridcell" className="queue-cell queue-cell--select">
        <input
          type="checkbox"
          aria-label={`Select alert ${id}`}
          checked={selected}
          onChange={() => toggleSelected(id)}
          onClick={(e) => e.stopPropagation()}
          tabIndex={-1}
        />
      </span>
      <span role="gridcell" className="queue-cell queue-cell--priority">
        <PriorityBadge priority={alert.priority} severity={alert.severity} />
      </span>
      <span role="gridcell" className="queue-cell queue-cell--state">
        <StateBadge state={alert.state} pending={pending && verbs[pending]} />
      </span>
      <span role="gridcell" className="queue-cell queue-cell--summary" title={alert.summary}>
        {isNew && <span className="new-mark">new</span>}
        {alert.summary}
      </span>
      <span role="gridcell" className="queue-cell queue-cell--source">
        {sourceName}
      </span>
      <span role="gridcell" className="queue-cell queue-cell--assignee">
        {owner ?? '—'}
      </span>
      <span role="gridcell" className="queue-cell queue-cell--age" title={alert.createdAt}>
        {ageOf(alert.createdAt, now)}
      </span>
      <span role="gridcell" className="queue-cell queue-cell--events">
        {alert.eventCount}
      </span>
    </div>
  );
});

const verbs: Record<string, string> = {
  accept: 'Accepting',
  resolve: 'Resolving',
  comment: 'Commenting',
  assign: 'Assigning',
};

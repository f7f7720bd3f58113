import { memo } from 'react';
import { PriorityBadge } from '../../components/PriorityBadge.js';
import { StateBadge } from '../../components/StateBadge.js';
import { useNow } from '../../components/useNow.js';
import { ageOf } from '../../format/age.js';
import { actionApplies } from '../../app/alertActions.js';
import type { AllEnginesRow } from './allEnginesRows.js';
import { EngineTag } from './EngineTag.js';
import type { RowActionKind } from './rowActions.js';

/** Every row has this height (px): the virtualizer relies on it, and the CSS sets it. */
export const allEnginesRowHeight = 32;

export const allEnginesHeaders = [
  'Engine',
  'Priority',
  'State',
  'Summary',
  'Source',
  'Assignee',
  'Age',
  'Actions',
];

const doing: Record<RowActionKind, string> = { accept: 'Accepting', resolve: 'Resolving' };

interface RowProps {
  readonly row: AllEnginesRow;
  readonly index: number;
  readonly top: number;
  readonly focused: boolean;
  readonly pending: RowActionKind | undefined;
  readonly onAct: (kind: RowActionKind, row: AllEnginesRow) => void;
  readonly onOpen: (row: AllEnginesRow) => void;
}

/** One alert of one engine. Row objects only change when their engine's data does. */
export const AllEnginesRowView = memo(function AllEnginesRowView(props: RowProps) {
  const { row, pending, onAct } = props;
  const { alert } = row;
  const now = useNow(1000);
  const classes = ['queue-row', 'all-engines-row', props.focused && 'is-focused'];
  if (alert.state === 'RESOLVED') classes.push('is-resolved');
  const button = (kind: RowActionKind, label: string) =>
    actionApplies(kind, alert) && (
      <button
        type="button"
        className="button button--quiet all-engines-row__action"
        disabled={pending !== undefined}
        onClick={() => onAct(kind, row)}
      >
        {label}
      </button>
    );
  return (
    <div
      role="row"
      aria-rowindex={props.index + 2}
      className={classes.filter(Boolean).join(' ')}
      data-engine-id={row.engineId}
      data-alert-id={alert.id}
      // CSSOM, not an inline style attribute: allowed under the console's style-src 'self'.
      style={{ transform: `translateY(${props.top}px)`, height: allEnginesRowHeight }}
    >
      <span role="gridcell" className="queue-cell">
        <EngineTag engineId={row.engineId} label={row.engineLabel} />
      </span>
      <span role="gridcell" className="queue-cell">
        <PriorityBadge priority={alert.priority} severity={alert.severity} />
      </span>
      <span role="gridcell" className="queue-cell">
        <StateBadge state={alert.state} pending={pending && doing[pending]} />
      </span>
      <span role="gridcell" className="queue-cell queue-cell--summary" title={alert.summary}>
        <button type="button" className="all-engines-row__open" onClick={() => props.onOpen(row)}>
          {alert.summary}
        </button>
      </span>
      <span role="gridcell" className="queue-cell queue-cell--source">
        {row.sourceName}
      </span>
      <span role="gridcell" className="queue-cell queue-cell--assignee">
        {row.assigneeName ?? '—'}
      </span>
      <span role="gridcell" className="queue-cell queue-cell--age" title={alert.createdAt}>
        {ageOf(alert.createdAt, now)}
      </span>
      <span role="gridcell" className="queue-cell all-engines-row__actions">
        {button('accept', 'Accept')}
        {button('resolve', 'Resolve')}
      </span>
    </div>
  );
});

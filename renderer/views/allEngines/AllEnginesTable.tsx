import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { rowKey, type AllEnginesRow } from './allEnginesRows.js';
import { allEnginesHeaders, allEnginesRowHeight, AllEnginesRowView } from './AllEnginesRowView.js';
import type { RowActionKind } from './rowActions.js';

/**
 * The merged table, virtualized like the queue's (views/queue/QueueTable.tsx). Keys: j / k move
 * the focus, Enter opens the focused alert in the console, a accepts, r resolves.
 */
export function AllEnginesTable(props: {
  rows: readonly AllEnginesRow[];
  pending: ReadonlyMap<string, RowActionKind>;
  onAct: (kind: RowActionKind, row: AllEnginesRow) => void;
  onOpen: (row: AllEnginesRow) => void;
}) {
  const { rows } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  // As in QueueTable: the virtualizer's functions are used here only, never memoised children.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => allEnginesRowHeight,
    overscan: 12,
    getItemKey: (index) => (rows[index] ? rowKey(rows[index]) : index),
  });
  const focusedIndex = focusedKey === null ? -1 : rows.findIndex((r) => rowKey(r) === focusedKey);

  useEffect(() => {
    if (focusedIndex !== -1) virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the focus moves
  }, [focusedKey]);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT' || event.altKey || event.ctrlKey || event.metaKey) return;
    // Enter on a row's button is that button's own click.
    if (event.key === 'Enter' && target !== event.currentTarget) return;
    const move = (by: number) => {
      const next = rows[Math.min(rows.length - 1, Math.max(0, focusedIndex + by))];
      if (next) setFocusedKey(rowKey(next));
    };
    const focused = rows[focusedIndex];
    if (event.key === 'j') move(1);
    else if (event.key === 'k') move(focusedIndex === -1 ? 1 : -1);
    else if (event.key === 'Enter' && focused) props.onOpen(focused);
    else if (event.key === 'a' && focused) props.onAct('accept', focused);
    else if (event.key === 'r' && focused) props.onAct('resolve', focused);
    else return;
    event.preventDefault();
  };

  return (
    <div
      className="queue-table all-engines-table"
      role="grid"
      aria-rowcount={rows.length + 1}
      aria-label="Alerts of every engine"
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="row" className="queue-row queue-row--header all-engines-row">
        {allEnginesHeaders.map((label) => (
          <span key={label} role="columnheader" className="queue-cell">
            {label}
          </span>
        ))}
      </div>
      <div className="queue-table__body" ref={scrollRef} data-testid="all-engines-body">
        {rows.length === 0 ? (
          <p className="queue-table__empty">No open alerts on any engine in this view.</p>
        ) : (
          <div className="queue-table__canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              const key = rowKey(row);
              return (
                <AllEnginesRowView
                  key={key}
                  row={row}
                  index={item.index}
                  top={item.start}
                  focused={key === focusedKey}
                  pending={props.pending.get(key)}
                  onAct={props.onAct}
                  onOpen={props.onOpen}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

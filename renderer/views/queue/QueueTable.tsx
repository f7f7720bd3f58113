import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useActions, useAppStore } from '../../app/services.js';
import { QueueHeaderRow } from './QueueHeaderRow.js';
import { queueRowHeight } from './queueLayout.js';
import { QueueRow } from './QueueRow.js';

/**
 * The dense alert table, virtualized (TanStack Virtual): only the rows in view (plus a margin)
 * are in the DOM, so 50,000 alerts scroll as smoothly as 50.
 */
export function QueueTable(props: { rows: readonly string[]; inView: ReadonlySet<string> | null }) {
  const { rows, inView } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusedId = useAppStore((s) => s.ui.focusedId);
  const selectedCount = useAppStore((s) => s.ui.selectedIds.size);
  const { setSelection, clearSelection } = useActions();
  // The console does not run the React Compiler, and the virtualizer's functions are called
  // here only, never handed to memoised children: the compiler's warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => queueRowHeight,
    overscan: 12,
    // No getItemKey: rows are one fixed height and never measured, so the virtualizer's keys
    // matter to nobody (React's are the ids below). A key function made from `rows` is a new
    // one each batch, and the virtualizer then recomputes every row's position: 50,000 objects
    // a frame at 50,000 alerts, most of the garbage the GC paused the page for while updates
    // arrived.
  });

  // Keep the focused row in view when the keyboard moves it (not when rows move: see the hold).
  useEffect(() => {
    if (focusedId === null) return;
    const index = rows.indexOf(focusedId);
    if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the focus moves
  }, [focusedId]);

  const allSelected = rows.length > 0 && selectedCount >= rows.length;
  return (
    <div className="queue-table" role="grid" aria-rowcount={rows.length + 1} aria-label="Alerts">
      <QueueHeaderRow
        allSelected={allSelected}
        onSelectAll={() => (allSelected ? clearSelection() : setSelection(rows))}
      />
      <div className="queue-table__body" ref={scrollRef} data-testid="queue-body">
        {rows.length === 0 ? (
          <p className="queue-table__empty" data-testid="queue-empty">
            No alerts match this view.
          </p>
        ) : (
          <div className="queue-table__canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const id = rows[item.index]!;
              return (
                <QueueRow
                  key={id}
                  id={id}
                  index={item.index}
                  top={item.start}
                  inView={inView === null || inView.has(id)}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

import { useActions, useAppStore, useServices } from '../../app/services.js';
import { selectLookups } from '../../state/selectors/alertSelectors.js';
import { downloadText } from './downloadText.js';
import { csvFileName, queueCsv } from './queueCsv.js';
import { waitingLabel, type HeldQueue } from './queueHold.js';

/** Bulk actions on the selection, what waits behind the hold, CSV export. */
export function QueueToolbar(props: {
  rows: readonly string[];
  held: HeldQueue | null;
  onCatchUp: () => void;
}) {
  const { store, alertActions, now } = useServices();
  const selectedCount = useAppStore((s) => s.ui.selectedIds.size);
  const total = useAppStore((s) => s.alerts.byId.size);
  const { clearSelection } = useActions();
  const waiting = props.held && waitingLabel(props.held);

  const selectedRows = () => {
    const selected = store.getState().ui.selectedIds;
    return props.rows.filter((id) => selected.has(id));
  };
  const exportCsv = () => {
    const state = store.getState();
    const csv = queueCsv(props.rows, (id) => state.alerts.byId.get(id), selectLookups(state));
    downloadText(csvFileName(now()), csv, 'text/csv;charset=utf-8');
  };

  return (
    <div className="queue-toolbar">
      {selectedCount > 0 ? (
        <span className="queue-toolbar__bulk" data-testid="bulk-bar">
          <strong>{selectedCount} selected</strong>
          <button
            type="button"
            className="button"
            onClick={() => void alertActions.run('accept', selectedRows())}
          >
            Accept (a)
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void alertActions.run('resolve', selectedRows())}
          >
            Resolve (r)
          </button>
          <button type="button" className="button button--quiet" onClick={clearSelection}>
            Clear (Esc)
          </button>
        </span>
      ) : (
        <span className="queue-toolbar__hint">
          j/k move · Enter open · a accept · r resolve · x select · / search
        </span>
      )}
      {waiting && (
        <button
          type="button"
          className="button button--attention"
          onClick={props.onCatchUp}
          data-testid="queue-waiting"
        >
          {waiting}
        </button>
      )}
      <span className="queue-toolbar__spacer" />
      <span className="queue-toolbar__count" data-testid="queue-count">
        {props.rows.length} of {total}
      </span>
      <button type="button" className="button button--quiet" onClick={exportCsv}>
        Export CSV
      </button>
    </div>
  );
}

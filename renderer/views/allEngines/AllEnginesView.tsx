import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useServices, type AppServices, type DesktopServices } from '../../app/services.js';
import { Placeholder } from '../../components/Placeholder.js';
import { browserFrameScheduler } from '../../state/frameScheduler.js';
import { shareEngineSubscriptions } from '../../transport/sharedEngineSubscriptions.js';
import { AllEnginesChips } from './AllEnginesChips.js';
import { AllEnginesHeader } from './AllEnginesHeader.js';
import { createAllEnginesModel } from './allEnginesModel.js';
import { filterRows, type AllEnginesFilter, type AllEnginesRow } from './allEnginesRows.js';
import { AllEnginesTable } from './AllEnginesTable.js';
import type { RowActionKind } from './rowActions.js';
import './allEngines.css';

/**
 * `/all-engines`: the open alerts of every engine of the desktop app in one table, each row
 * labelled with its engine (docs/desktop.md, "All engines"). The console's own store keeps
 * showing one engine; this view holds a replica per engine while it is open.
 */
export function AllEnginesView() {
  const { desktop } = useServices();
  if (!desktop) {
    return (
      <Placeholder title="All engines" testId="all-engines">
        <p>The alerts of several engines side by side are part of the Nocturne desktop app.</p>
      </Placeholder>
    );
  }
  return <AllEnginesBody desktop={desktop} />;
}

const noFilter: AllEnginesFilter = { engineIds: [], states: [] };

function AllEnginesBody({ desktop }: { desktop: DesktopServices }) {
  const services = useServices();
  const [model] = useState(() =>
    createAllEnginesModel({
      store: services.store,
      api: shareEngineSubscriptions(desktop.api),
      frames: browserFrameScheduler(),
    }),
  );
  useEffect(() => model.start(), [model]);
  const snapshot = useSyncExternalStore(model.subscribe, model.getSnapshot, model.getSnapshot);
  const [filter, setFilter] = useState(noFilter);
  const rows = useMemo(() => filterRows(snapshot.rows, filter), [snapshot.rows, filter]);
  const [open] = useState(() => (row: AllEnginesRow) => void openInConsole(services, row));
  const [act] = useState(() => (kind: RowActionKind, row: AllEnginesRow) => {
    void model.act(kind, row);
  });

  return (
    <section
      className="queue all-engines"
      aria-label="Alerts of every engine"
      data-testid="all-engines"
    >
      <AllEnginesHeader snapshot={snapshot} />
      <AllEnginesChips
        engines={snapshot.engines}
        filter={filter}
        onFilter={setFilter}
        withResolved={snapshot.withResolved}
        onWithResolved={(on) => model.setWithResolved(on)}
      />
      {snapshot.engines.length === 0 && (
        <p className="all-engines__none">
          This app has no engine yet: add one in Settings, and its alerts appear here.
        </p>
      )}
      <AllEnginesTable rows={rows} pending={snapshot.pending} onAct={act} onOpen={open} />
    </section>
  );
}

/**
 * The alert on its own page in the console: as a clicked notification does (app/desktopFocus.ts),
 * switching the console to the row's engine without changing the engine remembered at start.
 */
async function openInConsole(services: AppServices, row: AllEnginesRow): Promise<void> {
  const target = { engineId: row.engineId, alertId: row.alert.id };
  const desktop = services.desktop;
  if (desktop?.focusAlert) return desktop.focusAlert(target);
  const error = await desktop?.selectEngine(row.engineId);
  const state = services.store.getState();
  if (error) state.notify({ tone: 'error', text: error });
  else state.navigate({ name: 'alert', id: row.alert.id });
}

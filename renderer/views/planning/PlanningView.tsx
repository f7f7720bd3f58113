import { useMemo, useSyncExternalStore } from 'react';
import { useAppStore, useServices, type DesktopServices } from '../../app/services.js';
import { Placeholder } from '../../components/Placeholder.js';
import { ConflictList } from './ConflictList.js';
import { DraftList } from './DraftList.js';
import { LayerDraftForm } from './LayerDraftForm.js';
import { OverrideDraftForm } from './OverrideDraftForm.js';
import { PlanningHeader } from './PlanningHeader.js';
import { startPlanningAutoPush } from './planningAutoPush.js';
import { usePlanning } from './usePlanning.js';
import './planning.css';

/**
 * `/planning`: offline schedule planning (docs/desktop.md, "Offline planning in the console").
 * Drafts are made against the desktop app's offline copy of the engine's schedules and users,
 * queued in main with the version they were based on, and pushed when the engine answers. Only
 * the desktop app has the copy; a browser gets one sentence.
 */
export function PlanningView() {
  const { desktop } = useServices();
  const shown = useAppStore((s) => s.desktop?.engineId ?? null);
  if (!desktop) {
    return (
      <Placeholder title="Planning" testId="planning">
        <p>Offline schedule planning is part of the Nocturne desktop app.</p>
      </Placeholder>
    );
  }
  const engineId = shown ?? desktop.engineId();
  if (!engineId) {
    return (
      <Placeholder title="Planning" testId="planning">
        <p>No engine is shown: add one or choose one in Settings, then plan its schedules here.</p>
      </Placeholder>
    );
  }
  return <PlanningBody key={engineId} desktop={desktop} engineId={engineId} />;
}

function PlanningBody(props: { desktop: DesktopServices; engineId: string }) {
  const { desktop, engineId } = props;
  const { store, now } = useServices();
  const planning = usePlanning(desktop, engineId, now);
  // App-wide and idempotent: the desktop bootstrap may have started it already.
  const autoPush = useMemo(() => startPlanningAutoPush(store, desktop), [store, desktop]);
  const autoOutcome = useSyncExternalStore(autoPush.subscribe, autoPush.last);
  const label = useAppStore(
    (s) => s.desktop?.engines.find((e) => e.id === engineId)?.label ?? engineId,
  );
  const copy = planning.planning;

  return (
    <section className="planning" data-testid="planning">
      <PlanningHeader
        engineLabel={label}
        planning={planning}
        autoOutcome={autoOutcome?.engineId === engineId ? autoOutcome : null}
      />
      {planning.loadError && (
        <p className="planning__notice planning__notice--problem" role="alert">
          {planning.loadError}
        </p>
      )}
      {copy && (
        <>
          <ConflictList copy={copy} busy={planning.busy} onResolve={planning.resolve} />
          <DraftList copy={copy} busy={planning.busy} onDiscard={planning.discard} />
          <OverrideDraftForm copy={copy} busy={planning.busy} onDraft={planning.draftOverride} />
          <LayerDraftForm copy={copy} busy={planning.busy} onDraft={planning.draftScheduleEdit} />
        </>
      )}
    </section>
  );
}

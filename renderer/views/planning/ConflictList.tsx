import type { ConflictView, PlanningView } from '../../../shared/ipc/ipcViews.js';
import { ConflictSides } from './ConflictSides.js';

/**
 * Drafts that met a newer version on the engine: both sides next to each other, and the
 * operator's choice (`resolveConflict`): keep the draft, queued again on top of the engine's
 * version, or take the engine's and drop the draft.
 */
export function ConflictList(props: {
  copy: PlanningView;
  busy: string | null;
  onResolve: (conflict: ConflictView, choice: 'mine' | 'theirs') => Promise<void>;
}) {
  const { conflicts } = props.copy;
  if (conflicts.length === 0) return null;
  return (
    <section className="planning__section" aria-labelledby="planning-conflicts">
      <h2 id="planning-conflicts">Conflicts ({conflicts.length})</h2>
      {conflicts.map((conflict) => {
        const draft = props.copy.drafts.find((d) => d.id === conflict.draftId);
        const name =
          props.copy.schedules.find((s) => s.id === conflict.scheduleId)?.name ??
          conflict.theirs.name;
        return (
          <article key={conflict.id} className="planning__conflict" data-testid="planning-conflict">
            <h3>
              {name}: your draft{draft ? ` (based on version ${draft.baseVersion})` : ''} met
              version {conflict.theirs.version} on the engine
            </h3>
            <ConflictSides
              conflict={conflict}
              kind={draft?.kind ?? null}
              users={props.copy.users}
            />
            <div className="planning__actions">
              <button
                type="button"
                className="button button--primary"
                disabled={props.busy !== null}
                onClick={() => void props.onResolve(conflict, 'mine')}
              >
                Keep mine (re-queue on top of theirs)
              </button>
              <button
                type="button"
                className="button"
                disabled={props.busy !== null}
                onClick={() => void props.onResolve(conflict, 'theirs')}
              >
                Take theirs (drop my draft)
              </button>
            </div>
          </article>
        );
      })}
    </section>
  );
}

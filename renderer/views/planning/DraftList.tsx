import { useState } from 'react';
import type { DraftView, PlanningView } from '../../../shared/ipc/ipcViews.js';
import { describeDraft } from './draftDescription.js';

const stateLabels: Record<DraftView['state'], string> = {
  pending: 'pending',
  conflict: 'conflict',
  rejected: 'rejected',
};

/** The queued drafts, oldest first (the order they are pushed in), each with Discard. */
export function DraftList(props: {
  copy: PlanningView;
  busy: string | null;
  onDiscard: (draftId: string) => Promise<void>;
}) {
  const { drafts } = props.copy;
  return (
    <section className="planning__section" aria-labelledby="planning-drafts">
      <h2 id="planning-drafts">Drafts ({drafts.length})</h2>
      {drafts.length === 0 ? (
        <p className="planning__muted">No drafts: everything planned here has been pushed.</p>
      ) : (
        <ul className="planning__drafts">
          {drafts.map((draft) => (
            <DraftRow
              key={draft.id}
              draft={draft}
              copy={props.copy}
              busy={props.busy}
              onDiscard={props.onDiscard}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function DraftRow(props: {
  draft: DraftView;
  copy: PlanningView;
  busy: string | null;
  onDiscard: (draftId: string) => Promise<void>;
}) {
  const { draft } = props;
  const [confirming, setConfirming] = useState(false);
  const text = describeDraft(draft, props.copy);
  return (
    <li className="planning__draft" data-testid="planning-draft" data-state={draft.state}>
      <div className="planning__draft-main">
        <strong>{text.scheduleName}</strong>
        <span>{text.what}</span>
        <span className="planning__muted">{text.basedOn}</span>
        <span className={`planning__badge planning__badge--${draft.state}`}>
          {stateLabels[draft.state]}
        </span>
      </div>
      {text.problem && <p className="planning__problem">{text.problem}</p>}
      <div className="planning__draft-actions">
        {confirming ? (
          <>
            <span>Discard this draft? It is never sent.</span>
            <button
              type="button"
              className="button planning__danger"
              disabled={props.busy !== null}
              onClick={() => void props.onDiscard(draft.id)}
            >
              Discard
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setConfirming(false)}
            >
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirming(true)}
          >
            Discard…
          </button>
        )}
      </div>
    </li>
  );
}

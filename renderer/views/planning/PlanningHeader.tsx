import { formatClock, formatDateTime } from '../../format/clock.js';
import { useNow } from '../../components/useNow.js';
import type { AutoPushOutcome } from './planningAutoPush.js';
import {
  copyAgeText,
  isUnreachable,
  planningErrorSentence,
  pushReportSentence,
} from './planningText.js';
import type { Planning } from './usePlanning.js';

/** "Pushed automatically when the engine came back (09:14): pushed 2 drafts, …". */
function autoPushSentence(outcome: AutoPushOutcome): string {
  const when = `Pushed automatically when the engine came back (${formatClock(outcome.at)})`;
  if ('report' in outcome.result) return `${when}: ${pushReportSentence(outcome.result.report)}`;
  const error = outcome.result.error;
  return isUnreachable(error)
    ? `${when}: engine unreachable, everything stays queued.`
    : `${when}: ${planningErrorSentence(error, 'not pushed')}`;
}

/**
 * The copy's age with "Refresh copy", the queue's size with "Push drafts now", and the outcome
 * of the last request (or of the last automatic push).
 */
export function PlanningHeader(props: {
  engineLabel: string;
  planning: Planning;
  autoOutcome: AutoPushOutcome | null;
}) {
  const { planning: p } = props;
  const now = useNow(30_000);
  const copy = p.planning;
  const pending = copy?.drafts.filter((d) => d.state === 'pending').length ?? 0;
  return (
    <header className="planning__header">
      <h1>Planning: {props.engineLabel}</h1>
      <p className="planning__age" data-testid="planning-age">
        Offline copy of schedules and users: {copy ? copyAgeText(copy.syncedAt, now) : 'reading…'}
        {copy?.syncedAt && (
          <span className="planning__muted"> ({formatDateTime(Date.parse(copy.syncedAt))})</span>
        )}
        .
      </p>
      <div className="planning__actions">
        <button
          type="button"
          className="button"
          disabled={p.busy !== null}
          onClick={() => void p.refresh()}
        >
          {p.busy === 'refresh' ? 'Refreshing…' : 'Refresh copy'}
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={p.busy !== null || !copy}
          onClick={() => void p.push()}
        >
          {p.busy === 'push' ? 'Pushing…' : `Push drafts now (${pending} pending)`}
        </button>
      </div>
      {p.notice && (
        <p
          className={`planning__notice planning__notice--${p.notice.tone}`}
          role={p.notice.tone === 'problem' ? 'alert' : 'status'}
          data-testid="planning-notice"
        >
          {p.notice.text}
        </p>
      )}
      {props.autoOutcome && (
        <p className="planning__notice planning__notice--info" role="status">
          {autoPushSentence(props.autoOutcome)}
        </p>
      )}
    </header>
  );
}

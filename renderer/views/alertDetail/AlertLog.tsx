import type { AlertLogEntry } from '../../../shared/domain/alert.js';
import { formatDateTime } from '../../format/clock.js';
import { actorName } from './timelineRows.js';

/** The alert's log, oldest first: events, changes, comments, with who and when. */
export function AlertLog(props: {
  items: readonly AlertLogEntry[];
  more: boolean;
  timeZone: string;
}) {
  return (
    <section className="alert-log" aria-label="Log" data-testid="alert-log">
      <h2 className="detail__heading">Log</h2>
      <ol className="alert-log__list">
        {props.items.map((entry) => (
          <li key={entry.id} className={`alert-log__entry alert-log__entry--${entry.kind}`}>
            <time className="alert-log__time" dateTime={entry.at}>
              {formatDateTime(Date.parse(entry.at), props.timeZone)}
            </time>
            <span className="alert-log__who">{actorName(entry.actor)}</span>
            <span className="alert-log__message">{entry.message}</span>
          </li>
        ))}
      </ol>
      {props.more && (
        <p className="detail__muted">
          Only the first {props.items.length} entries are shown; the rest are in the API (GET
          /api/v1/alerts/…/log).
        </p>
      )}
    </section>
  );
}

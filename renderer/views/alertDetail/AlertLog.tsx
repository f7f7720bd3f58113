import { formatDateTime } from '../../format/clock.js';
import type { LogPage } from './alertLogPages.js';
import { actorName } from './timelineRows.js';
import { useAlertLogPages } from './useAlertLogPages.js';

/**
 * The alert's log, oldest first: events, changes, comments, with who and when. The first 200
 * entries come with the alert; "Show later entries" reads the rest, a page at a time.
 */
export function AlertLog(props: { alertId: string; first: LogPage; timeZone: string }) {
  const log = useAlertLogPages(props.alertId, props.first);
  return (
    <section className="alert-log" aria-label="Log" data-testid="alert-log">
      <h2 className="detail__heading">Log</h2>
      <ol className="alert-log__list">
        {log.items.map((entry) => (
          <li key={entry.id} className={`alert-log__entry alert-log__entry--${entry.kind}`}>
            <time className="alert-log__time" dateTime={entry.at}>
              {formatDateTime(Date.parse(entry.at), props.timeZone)}
            </time>
            <span className="alert-log__who">{actorName(entry.actor)}</span>
            <span className="alert-log__message">{entry.message}</span>
          </li>
        ))}
      </ol>
      {log.nextCursor !== null && log.canPage && (
        <p className="alert-log__more">
          <span className="detail__muted" data-testid="alert-log-count">
            {log.items.length} entries shown; there are more.
          </span>{' '}
          <button type="button" className="button" disabled={log.loading} onClick={log.showLater}>
            {log.loading ? 'Reading…' : 'Show later entries'}
          </button>
        </p>
      )}
      {log.nextCursor !== null && !log.canPage && (
        <p className="detail__muted">
          Only the first {log.items.length} entries are shown; the rest are in the API (GET
          /api/v1/alerts/…/log).
        </p>
      )}
      {log.error && (
        <p className="detail__error" role="alert">
          {log.error}
        </p>
      )}
    </section>
  );
}

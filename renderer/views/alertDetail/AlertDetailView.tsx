import { useAppStore, useServices } from '../../app/services.js';
import { Link } from '../../app/Link.js';
import { PriorityBadge } from '../../components/PriorityBadge.js';
import { StateBadge } from '../../components/StateBadge.js';
import { useNow } from '../../components/useNow.js';
import { ageOf } from '../../format/age.js';
import { formatDateTime } from '../../format/clock.js';
import { actionApplies } from '../../app/alertActions.js';
import { selectAlert, selectLookups } from '../../state/selectors/alertSelectors.js';

/**
 * A minimal alert page: the fields the stream carries and the two actions. The full view
 * (details as Markdown, images, custom details, comments, reassign, the escalation timeline)
 * is being built on this route (issue #4).
 */
export function AlertDetailView(props: { id: string }) {
  const alert = useAppStore(selectAlert(props.id));
  const names = useAppStore(selectLookups);
  const pending = useAppStore((s) => s.actions.pending.get(props.id));
  const { alertActions } = useServices();
  const now = useNow(1000);
  if (!alert) {
    return (
      <section className="detail" data-testid="alert-detail">
        <p>
          Alert {props.id} is not among the alerts this console holds (open ones and recently
          resolved ones). <Link to={{ name: 'alerts' }}>Back to the queue</Link>
        </p>
      </section>
    );
  }
  const rows: ReadonlyArray<[string, string]> = [
    ['Source', names.sourceName(alert.sourceId)],
    ['Alert key', alert.alertKey],
    ['Severity', alert.severity ?? '—'],
    [
      'Created',
      `${formatDateTime(Date.parse(alert.createdAt))} (${ageOf(alert.createdAt, now)} ago)`,
    ],
    ['Last event', formatDateTime(Date.parse(alert.lastEventAt))],
    ['Events', String(alert.eventCount)],
    ['Accepted by', names.userName(alert.acceptedBy) ?? '—'],
    ['Assignee', names.userName(alert.assigneeId) ?? '—'],
  ];
  return (
    <section className="detail" data-testid="alert-detail" data-alert-id={alert.id}>
      <p>
        <Link to={{ name: 'alerts' }}>← Queue</Link>
      </p>
      <h1 className="detail__title">
        <PriorityBadge priority={alert.priority} severity={alert.severity} /> {alert.summary}
      </h1>
      <p>
        <StateBadge state={alert.state} pending={pending} />
      </p>
      <div className="detail__actions">
        <button
          type="button"
          className="button"
          disabled={!actionApplies('accept', alert) || pending !== undefined}
          onClick={() => void alertActions.run('accept', [alert.id])}
        >
          Accept
        </button>
        <button
          type="button"
          className="button"
          disabled={!actionApplies('resolve', alert) || pending !== undefined}
          onClick={() => void alertActions.run('resolve', [alert.id])}
        >
          Resolve
        </button>
      </div>
      <dl className="detail__fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {Object.keys(alert.labels).length > 0 && (
        <ul className="detail__labels" aria-label="Labels">
          {Object.entries(alert.labels).map(([key, value]) => (
            <li key={key} className="label">
              {key}={value}
            </li>
          ))}
        </ul>
      )}
      {alert.links.length > 0 && (
        <ul aria-label="Links">
          {alert.links.map((link) => (
            <li key={link.href}>
              <a href={link.href} target="_blank" rel="noopener noreferrer">
                {link.text ?? link.href}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="placeholder__body">
        Coming here: details as Markdown, images, custom details, comments, reassignment and the
        escalation timeline (who is paged next, and when).
      </p>
    </section>
  );
}

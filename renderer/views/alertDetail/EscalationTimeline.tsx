import { useMemo, useState } from 'react';
import type { AlertSummary } from '../../../shared/domain/alert.js';
import type { TimelineEntry } from '../../../shared/escalation/timelineModel.js';
import { useAppStore } from '../../app/services.js';
import { formatClock } from '../../format/clock.js';
import {
  buildTimelineRows,
  escalationHistory,
  quietReason,
  untilText,
  type TimelineRow,
} from './timelineRows.js';
import { createUpcomingSelector } from './upcomingSelector.js';
import './escalationTimeline.css';

function Item(props: { row: TimelineRow; until: string | null }) {
  const { row, until } = props;
  return (
    <li className={`timeline__item tone--${row.tone}`} data-kind={row.kind}>
      <time className="timeline__time" dateTime={new Date(row.at).toISOString()}>
        {row.time}
      </time>
      <span className="timeline__icon" aria-hidden="true">
        {row.icon}
      </span>
      <div className="timeline__body">
        <span className="timeline__title">{row.title}</span>
        {row.who && <span className="timeline__who"> · {row.who}</span>}
        {until && <span className="timeline__until"> · {until}</span>}
        <span className="timeline__text">{row.text}</span>
      </div>
    </li>
  );
}

/**
 * The escalation timeline: what happened (from the engine's log), a "now" line, and — drawn
 * apart — what will happen if nobody acts, projected from the store's replica so it follows
 * every pushed change live (an accept removes it at once; a schedule override changes a name).
 */
export function EscalationTimeline(props: {
  alert: AlertSummary;
  happened: readonly TimelineEntry[] | null;
  now: number;
  timeZone: string;
}) {
  const { alert, happened, now, timeZone } = props;
  const [select] = useState(createUpcomingSelector);
  const upcoming = useAppStore((s) => select(s, alert.id, now, timeZone));
  const escalation = useAppStore((s) => s.entities.alertEscalations.get(alert.id));
  const policyName = useAppStore((s) => {
    const source = s.entities.alertSources.get(alert.sourceId);
    const id = escalation?.policyId ?? source?.escalationPolicyId ?? null;
    return id === null ? null : (s.entities.escalationPolicies.get(id)?.name ?? `policy ${id}`);
  });
  const rows = useMemo(
    () => buildTimelineRows(escalationHistory(happened ?? []), upcoming.items, now, timeZone),
    [happened, upcoming, now, timeZone],
  );
  return (
    <section className="timeline" aria-label="Escalation timeline" data-testid="timeline">
      <h2 className="detail__heading">
        Escalation{policyName && <span className="timeline__policy"> · {policyName}</span>}
      </h2>
      {happened === null ? (
        <p className="detail__muted">Reading the history…</p>
      ) : (
        <ol className="timeline__list" data-testid="timeline-past">
          {rows.past.map((row) => (
            <Item key={row.key} row={row} until={null} />
          ))}
        </ol>
      )}
      <p className="timeline__now">
        <span aria-hidden="true">▶</span> now {formatClock(now, timeZone)}
      </p>
      {rows.upcoming.length > 0 ? (
        <div className="timeline__upcoming" data-testid="timeline-upcoming">
          <h3 className="timeline__subheading">If nobody acts</h3>
          <ol className="timeline__list timeline__list--upcoming">
            {rows.upcoming.map((row) => (
              <Item key={row.key} row={row} until={untilText(row.at, now)} />
            ))}
          </ol>
          {upcoming.truncated && <p className="detail__muted">… and more after that.</p>}
        </div>
      ) : (
        <p className="timeline__quiet" data-testid="timeline-quiet">
          {quietReason(alert, policyName !== null, escalation?.stopped?.message ?? null)}
        </p>
      )}
    </section>
  );
}

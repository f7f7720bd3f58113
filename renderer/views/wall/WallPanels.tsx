import type { AlertSummary } from '../../../shared/domain/alert.js';
import { ageOf } from '../../format/age.js';
import type { AlertCounts } from '../../state/selectors/alertSelectors.js';
import type { OnCallLine } from './onCallNow.js';

const priorityMark = { HIGH: '▲', LOW: '○' } as const;

/** The oldest alerts nobody has accepted, ages from the wall's one clock. */
export function OldestPanel(props: {
  oldest: readonly AlertSummary[];
  flashing: ReadonlyMap<string, number>;
  now: number;
}) {
  const { oldest, flashing, now } = props;
  return (
    <section className="wall__panel wall__oldest" aria-label="Oldest unaccepted alerts">
      <h2>Oldest unaccepted</h2>
      {oldest.length === 0 ? (
        <p className="wall__calm">Nothing waits for anyone.</p>
      ) : (
        <ol>
          {oldest.slice(0, 6).map((alert) => (
            <li
              key={alert.id}
              className={`wall__alert wall__alert--${alert.priority.toLowerCase()}`}
              data-alert-id={alert.id}
              data-flash={flashing.has(alert.id) ? 'true' : undefined}
            >
              <span className="wall__mark" aria-label={alert.priority}>
                {priorityMark[alert.priority]}
              </span>
              <span className="wall__age" data-testid="wall-age">
                {ageOf(alert.createdAt, now)}
              </span>
              <span className="wall__summary">{alert.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Who is on call now for the chosen schedules. */
export function OnCallPanel(props: { lines: readonly OnCallLine[] }) {
  return (
    <section className="wall__panel wall__on-call" aria-label="On call now">
      <h2>On call now</h2>
      {props.lines.length === 0 ? (
        <p className="wall__calm">No schedules to show.</p>
      ) : (
        <ul>
          {props.lines.map((line) => (
            <li key={line.scheduleId} data-schedule-id={line.scheduleId}>
              <span className="wall__schedule">{line.scheduleName}</span>
              <span className={line.userName ? 'wall__person' : 'wall__person wall__person--gap'}>
                {line.problem
                  ? 'Cannot resolve here'
                  : (line.userName ?? 'Nobody (gap)') + (line.viaOverride ? ' (override)' : '')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every alert held, by state, with icons as well as words. */
export function StatesPanel(props: { counts: AlertCounts }) {
  const { byState } = props.counts;
  const items: ReadonlyArray<[string, string, string, number]> = [
    ['pending', '●', 'Pending', byState.PENDING],
    ['accepted', '◆', 'Accepted', byState.ACCEPTED],
    ['resolved', '✓', 'Resolved (recent)', byState.RESOLVED],
  ];
  return (
    <section className="wall__panel wall__states" aria-label="Alerts by state">
      <h2>By state</h2>
      <div className="wall__counts">
        {items.map(([key, icon, label, value]) => (
          <div key={key} className={`wall__count wall__count--${key}`}>
            <span className="wall__number" data-testid={`wall-state-${key}`}>
              {value}
            </span>
            <span>
              <span aria-hidden="true">{icon}</span> {label}
            </span>
          </div>
        ))}
      </div>
    </section>
  );
}

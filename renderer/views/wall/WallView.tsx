import { StatusPill } from '../../components/StatusPill.js';
import { useNow } from '../../components/useNow.js';
import { useAppStore } from '../../app/services.js';
import { ageOf } from '../../format/age.js';
import { formatClockSeconds } from '../../format/clock.js';
import { selectAlertCounts, selectOldestPending } from '../../state/selectors/alertSelectors.js';

/**
 * The wall display at `/wall`: no chrome, dark, large. This first version shows the counts, the
 * oldest unaccepted alerts, the clock and the connection; rotating panels, on-call now, the
 * flash and sound of a new HIGH alert come next (issue #4).
 */
export function WallView() {
  const counts = useAppStore(selectAlertCounts);
  const oldest = useAppStore(selectOldestPending);
  const now = useNow(1000);
  return (
    <main className="wall" data-testid="wall">
      <header className="wall__header">
        <span className="wall__clock">{formatClockSeconds(now)}</span>
        <StatusPill />
      </header>
      <section className="wall__counts" aria-label="Open alerts by priority">
        <div className="wall__count wall__count--high">
          <span className="wall__number" data-testid="wall-high">
            {counts.pendingByPriority.HIGH}
          </span>
          <span>▲ HIGH pending</span>
        </div>
        <div className="wall__count wall__count--low">
          <span className="wall__number" data-testid="wall-low">
            {counts.pendingByPriority.LOW}
          </span>
          <span>○ LOW pending</span>
        </div>
        <div className="wall__count">
          <span className="wall__number">{counts.byState.ACCEPTED}</span>
          <span>◆ accepted</span>
        </div>
      </section>
      <section className="wall__oldest" aria-label="Oldest unaccepted alerts">
        <h2>Oldest unaccepted</h2>
        {oldest.length === 0 ? (
          <p>Nothing waits for anyone.</p>
        ) : (
          <ol>
            {oldest.slice(0, 6).map((alert) => (
              <li
                key={alert.id}
                className={`wall__alert wall__alert--${alert.priority.toLowerCase()}`}
              >
                <span className="wall__age">{ageOf(alert.createdAt, now)}</span>
                <span>{alert.summary}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <p className="wall__coming">
        Coming: rotating panels, on-call now, a flash and sound for new HIGH alerts.
      </p>
    </main>
  );
}

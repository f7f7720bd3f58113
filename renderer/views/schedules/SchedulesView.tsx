import { useMemo } from 'react';
import { Link } from '../../app/Link.js';
import { useAppStore } from '../../app/services.js';
import { useNow } from '../../components/useNow.js';
import { MyShifts } from './MyShifts.js';
import { onCallNow } from './upcomingShifts.js';
import { useUserNames } from './useUserNames.js';
import { formatShiftTime } from './zonedTime.js';
import './schedules.css';

/** `/schedules`: every schedule with who is on call now (live), and the signed-in user's shifts. */
export function SchedulesView() {
  const schedulesById = useAppStore((s) => s.entities.schedules);
  const now = useNow(30_000);
  const { userName } = useUserNames();
  const schedules = useMemo(
    () => [...schedulesById.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [schedulesById],
  );
  return (
    <section className="schedules" data-testid="schedules">
      <h1>Schedules</h1>
      {schedules.length === 0 ? (
        <p>No schedules yet: an admin creates them (docs/api.md, “On-call schedules”).</p>
      ) : (
        <ul className="schedule-cards">
          {schedules.map((schedule) => {
            const current = onCallNow(schedule, now);
            return (
              <li key={schedule.id} className="schedule-card" data-schedule-id={schedule.id}>
                <div className="schedule-card__now" data-testid="on-call-now">
                  {current instanceof Error ? (
                    <span className="schedule-card__problem">
                      Cannot resolve: {current.message}
                    </span>
                  ) : current.userId === null ? (
                    <span className="schedule-card__gap">Nobody on call now</span>
                  ) : (
                    <span>
                      On call now: <strong>{userName(current.userId)}</strong>
                    </span>
                  )}
                  {!(current instanceof Error) && current.until !== null && (
                    <span className="schedule-card__until">
                      {' '}
                      until {formatShiftTime(current.until, schedule.timeZone)}, then{' '}
                      {current.next === null ? 'nobody' : userName(current.next)}
                    </span>
                  )}
                </div>
                <Link to={{ name: 'schedule', id: schedule.id }} className="schedule-card__name">
                  {schedule.name}
                </Link>
                <span className="schedule-card__meta">
                  {schedule.timeZone} · {schedule.layers.length} layer
                  {schedule.layers.length === 1 ? '' : 's'}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <MyShifts />
    </section>
  );
}

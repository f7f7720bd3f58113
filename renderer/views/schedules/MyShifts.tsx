import { useMemo } from 'react';
import { Link } from '../../app/Link.js';
import { useAppStore } from '../../app/services.js';
import { useNow } from '../../components/useNow.js';
import { viewerTimeZone } from './calendarWindow.js';
import { upcomingShifts } from './upcomingShifts.js';
import { formatRange } from './zonedTime.js';

/** The signed-in user's shifts in every schedule over the next 14 days (the session's user). */
export function MyShifts() {
  const userId = useAppStore((s) => s.session.user?.id ?? null);
  const schedules = useAppStore((s) => s.entities.schedules);
  const now = useNow(60_000);
  // Re-render the list each minute, not on every tick: the minute is what the list shows.
  const minute = Math.floor(now / 60_000) * 60_000;
  const shifts = useMemo(
    () => (userId ? upcomingShifts(schedules.values(), userId, minute) : []),
    [schedules, userId, minute],
  );
  const zone = useMemo(() => viewerTimeZone(), []);
  return (
    <section className="my-shifts" aria-label="My shifts" data-testid="my-shifts">
      <h2>My shifts (next 14 days)</h2>
      {shifts.length === 0 ? (
        <p>You have no shifts in the next 14 days.</p>
      ) : (
        <ul>
          {shifts.map((shift) => (
            <li
              key={`${shift.scheduleId}:${shift.start}`}
              className={shift.current ? 'is-current' : undefined}
            >
              <Link to={{ name: 'schedule', id: shift.scheduleId }}>{shift.scheduleName}</Link>{' '}
              {formatRange(shift.start, shift.end, zone)} ({zone})
              {shift.timeZone !== zone && (
                <>
                  {' '}
                  · {formatRange(shift.start, shift.end, shift.timeZone)} ({shift.timeZone})
                </>
              )}
              {shift.current && <strong> · on call now</strong>}
              {shift.source.kind === 'override' && ' · override'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

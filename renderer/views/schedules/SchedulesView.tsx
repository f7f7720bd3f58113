import { Placeholder } from '../../components/Placeholder.js';
import { useAppStore } from '../../app/services.js';

/** On-call schedules: the calendar is being built on this route (issue #4). */
export function SchedulesView() {
  const count = useAppStore((s) => s.entities.schedules.size);
  return (
    <Placeholder title="Schedules" testId="schedules">
      <p>
        This console holds {count} schedule{count === 1 ? '' : 's'}. Coming here: a day, week and
        month calendar of every schedule with a lane per layer, the overrides and the final lane,
        gaps, who is on call now, your own shifts, and overrides made by selecting a time range — in
        the schedule’s time zone and yours, correct across daylight-saving changes.
      </p>
    </Placeholder>
  );
}

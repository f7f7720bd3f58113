import type { CalendarView, CalendarWindow } from './calendarWindow.js';
import { offsetLabel } from './zonedTime.js';

export type ZoneMode = 'schedule' | 'viewer';

const views: readonly { view: CalendarView; label: string }[] = [
  { view: 'day', label: 'Day' },
  { view: 'week', label: 'Week' },
  { view: 'month', label: 'Month' },
];

/** Day / week / month, previous / today / next, and which zone the grid is drawn in. */
export function CalendarToolbar(props: {
  window: CalendarWindow;
  scheduleZone: string;
  viewerZone: string;
  zoneMode: ZoneMode;
  onView: (view: CalendarView) => void;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
  onZoneMode: (mode: ZoneMode) => void;
}) {
  const { window: win } = props;
  const zoneButton = (mode: ZoneMode, label: string, zone: string) => (
    <button
      type="button"
      className={`button button--quiet${props.zoneMode === mode ? ' is-active' : ''}`}
      aria-pressed={props.zoneMode === mode}
      onClick={() => props.onZoneMode(mode)}
      title={`Draw the grid on the wall clock of ${zone} (key z)`}
    >
      {label}: {zone}
      {zone === 'UTC' ? '' : ` (${offsetLabel(win.from, zone)})`}
    </button>
  );
  return (
    <div className="cal-toolbar" role="toolbar" aria-label="Calendar">
      <div className="cal-toolbar__group" role="group" aria-label="View">
        {views.map(({ view, label }) => (
          <button
            key={view}
            type="button"
            className={`button button--quiet${win.view === view ? ' is-active' : ''}`}
            aria-pressed={win.view === view}
            onClick={() => props.onView(view)}
            title={`${label} view (key ${view[0]})`}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="cal-toolbar__group" role="group" aria-label="Navigate">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => props.onStep(-1)}
          title="Previous (←)"
        >
          ← Previous
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={props.onToday}
          title="Today (t)"
        >
          Today
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => props.onStep(1)}
          title="Next (→)"
        >
          Next →
        </button>
      </div>
      <h2 className="cal-toolbar__title" data-testid="calendar-title">
        {win.title}
      </h2>
      <div className="cal-toolbar__group" role="group" aria-label="Time zone of the grid">
        {zoneButton('schedule', 'Schedule', props.scheduleZone)}
        {props.viewerZone !== props.scheduleZone && zoneButton('viewer', 'Yours', props.viewerZone)}
      </div>
    </div>
  );
}

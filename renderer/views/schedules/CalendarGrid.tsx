import { useId, useState, type PointerEvent } from 'react';
import type { RenderedSchedule } from '../../../shared/schedule/index.js';
import { CalendarLane } from './CalendarLane.js';
import { dayLengthLabel, hourTicks, type CalendarWindow } from './calendarWindow.js';
import { instantAt, positionPct, snapMinutes, snapToLocal } from './laneLayout.js';
import type { TimeRange } from './overrideDrag.js';
import { overrideKeysHelp } from './overrideKeyboard.js';
import { useOverrideDrag, type DraggableOverride, type OverrideChange } from './useOverrideDrag.js';
import { useOverrideKeyboard } from './useOverrideKeyboard.js';
import { formatHourMinute } from './zonedTime.js';

interface Drag {
  readonly anchor: number;
  readonly current: number;
}

/**
 * The calendar's lanes over one window: a header of days (each as wide as it is long, so a
 * 23-hour day is narrower), a lane per layer, the overrides lane and the final lane, the "now"
 * line and the offset changes. A pointer drag on the final lane selects a range (snapped to the
 * wall clock) for a new override; one on an override's block in the overrides lane moves it or,
 * from an edge, resizes it (./useOverrideDrag.ts); keys do the same on a focused override's
 * block (./useOverrideKeyboard.ts), listed under the grid, the pending change said aloud.
 */
export function CalendarGrid(props: {
  window: CalendarWindow;
  rendered: RenderedSchedule;
  layerNames: ReadonlyMap<string, string>;
  userName: (userId: string) => string;
  now: number;
  onSelectRange: ((start: number, end: number) => void) | null;
  findOverride: (id: string) => DraggableOverride | null;
  onChangeOverride: ((change: OverrideChange) => void) | null;
  /** Enter on the draft's block: save it as the form's button does. */
  onSaveOverride: () => void;
  /** Escape on the draft's block: discard it. */
  onCancelOverride: () => void;
  /** Page to the window holding `at` (a change moved out of view by keys). */
  onReveal: (at: number) => void;
  /** The draft the calendar previews (complete), and the saved override it replaces. */
  draft: TimeRange | null;
  draftReplaces: string | null;
}) {
  const { window: win, rendered } = props;
  const [drag, setDrag] = useState<Drag | null>(null);
  const keysId = useId();
  const nowPct = positionPct(props.now, win.from, win.to);
  const overrideDrag = useOverrideDrag(win, props.findOverride, props.onChangeOverride);
  const overrideKeys = useOverrideKeyboard({
    win,
    find: props.findOverride,
    onChange: props.onChangeOverride,
    onSave: props.onSaveOverride,
    onCancel: props.onCancelOverride,
    onReveal: props.onReveal,
    userName: props.userName,
    draft: props.draft,
    replaces: props.draftReplaces,
  });

  const instantOf = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const t = instantAt((event.clientX - rect.left) / Math.max(1, rect.width), win.from, win.to);
    return snapToLocal(t, snapMinutes(win.view), win.timeZone);
  };
  const dragHandlers = props.onSelectRange
    ? {
        onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          const t = instantOf(event);
          setDrag({ anchor: t, current: t });
        },
        onPointerMove: (event: PointerEvent<HTMLDivElement>) => {
          if (drag) setDrag({ ...drag, current: instantOf(event) });
        },
        onPointerUp: (event: PointerEvent<HTMLDivElement>) => {
          if (!drag) return;
          const end = instantOf(event);
          setDrag(null);
          const [a, b] = end < drag.anchor ? [end, drag.anchor] : [drag.anchor, end];
          if (b > a) props.onSelectRange?.(a, b);
        },
        onPointerCancel: () => setDrag(null),
      }
    : undefined;

  const selection = drag && drag.current !== drag.anchor ? drag : null;
  const selLeft = selection
    ? positionPct(Math.min(selection.anchor, selection.current), win.from, win.to)
    : null;
  const selRight = selection
    ? positionPct(Math.max(selection.anchor, selection.current), win.from, win.to)
    : null;
  /** What every lane of this window shares. */
  const lane = { from: win.from, to: win.to, timeZone: win.timeZone, userName: props.userName };

  return (
    <div
      className={`cal-grid cal-grid--${win.view}`}
      data-testid="calendar-grid"
      data-dragging={overrideDrag.dragging ?? undefined}
      data-editable={props.onChangeOverride ? 'true' : undefined}
    >
      <div className="cal-lane cal-lane--header">
        <div className="cal-lane__label">{win.timeZone}</div>
        <div className="cal-days">
          {win.days.map((day) => {
            const length = dayLengthLabel(day);
            return (
              <div
                key={day.date}
                className={`cal-day${length ? ' cal-day--odd' : ''}`}
                style={{ flexGrow: day.hours }}
                data-date={day.date}
                data-hours={day.hours}
              >
                <span className="cal-day__label">
                  {win.view === 'month' ? day.label.split(' ')[1] : day.label}
                </span>
                {length && win.view !== 'month' && (
                  <span className="cal-day__length">{length}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {win.view === 'day' && (
        <div className="cal-lane cal-lane--ticks" aria-hidden="true">
          <div className="cal-lane__label" />
          <div className="cal-lane__track">
            {hourTicks(win.from, win.to, win.timeZone).map((tick) => (
              <span
                key={tick.at}
                className="cal-tick"
                style={{ left: `${positionPct(tick.at, win.from, win.to) ?? 0}%` }}
              >
                {tick.label}
              </span>
            ))}
          </div>
        </div>
      )}
      <div className="cal-grid__lanes">
        {rendered.layers.map((layer) => (
          <CalendarLane
            key={layer.layerId}
            kind="layer"
            label={props.layerNames.get(layer.layerId) ?? layer.layerId}
            pieces={layer.shifts}
            {...lane}
          />
        ))}
        <CalendarLane
          kind="overrides"
          label="Overrides"
          pieces={rendered.overrides}
          {...lane}
          dragHandlers={
            props.onChangeOverride
              ? { ...overrideDrag.handlers, ...overrideKeys.handlers }
              : undefined
          }
          overrideDescribedBy={props.onChangeOverride ? keysId : undefined}
        />
        <CalendarLane
          kind="final"
          label="On call (final)"
          pieces={rendered.final}
          {...lane}
          dragHandlers={dragHandlers}
        >
          {selLeft !== null && selRight !== null && (
            <div
              className="cal-selection"
              style={{ left: `${selLeft}%`, width: `${selRight - selLeft}%` }}
              aria-hidden="true"
            />
          )}
        </CalendarLane>
        <div className="cal-grid__overlay" aria-hidden="true">
          {win.days.slice(1).map((day) => (
            <div
              key={day.date}
              className="cal-divider"
              style={{ left: `${positionPct(day.start, win.from, win.to) ?? 0}%` }}
            />
          ))}
          {win.offsetChanges.map((change) => (
            <div
              key={change.at}
              className="cal-offset-change"
              style={{ left: `${positionPct(change.at, win.from, win.to) ?? 0}%` }}
              title={change.label}
            />
          ))}
          {nowPct !== null && (
            <div className="cal-now" style={{ left: `${nowPct}%` }} data-testid="calendar-now">
              <span className="cal-now__label">
                now {formatHourMinute(props.now, win.timeZone)}
              </span>
            </div>
          )}
        </div>
      </div>
      {props.onChangeOverride && (
        <p className="cal-keys" id={keysId} data-testid="calendar-override-keys">
          <span className="cal-keys__title">Override keys (Tab to an override):</span>
          {overrideKeysHelp(win.view).map(({ keys, does }) => (
            <span key={keys} className="cal-keys__item">
              <kbd>{keys}</kbd> {does}
            </span>
          ))}
        </p>
      )}
      <p
        className="cal-keyboard-status"
        role="status"
        aria-live="polite"
        data-testid="calendar-keyboard-status"
      >
        {overrideKeys.announcement}
      </p>
    </div>
  );
}

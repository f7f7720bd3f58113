import { useMemo, useState, type KeyboardEvent } from 'react';
import { roleAllows } from '../../../shared/domain/user.js';
import { Link } from '../../app/Link.js';
import { useAppStore, useServices } from '../../app/services.js';
import { useNow } from '../../components/useNow.js';
import { CalendarGrid } from './CalendarGrid.js';
import { calendarKeyAction } from './calendarKeys.js';
import { CalendarToolbar, type ZoneMode } from './CalendarToolbar.js';
import { calendarWindow, stepAnchor, viewerTimeZone, type CalendarView } from './calendarWindow.js';
import { OverrideForm } from './OverrideForm.js';
import { OverrideList } from './OverrideList.js';
import { overrideToDrag } from './overrideDrag.js';
import { draftOverrideId, draftProblem, renderCalendar } from './overridePreview.js';
import { completeDraft, useOverrideEditor } from './useOverrideEditor.js';
import { useUserNames } from './useUserNames.js';
import './schedules.css';

export const viewerReadOnly =
  'You are signed in with a viewer token, so this calendar is read-only: taking or giving back shifts needs a responder or admin token.';

/** `/schedules/:id`: one schedule's calendar, its overrides, and the override editor. */
export function ScheduleCalendarView(props: { id: string }) {
  const schedule = useAppStore((s) => s.entities.schedules.get(props.id) ?? null);
  const hasData = useAppStore((s) => s.sync.position !== null);
  const role = useAppStore((s) => s.session.user?.effectiveRole ?? 'viewer');
  const { now: pageNow } = useServices();
  const now = useNow(30_000);
  const { users, userName } = useUserNames();
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(() => pageNow());
  const [zoneMode, setZoneMode] = useState<ZoneMode>('schedule');
  const editor = useOverrideEditor(props.id);
  const viewerZone = useMemo(() => viewerTimeZone(), []);
  const zone = zoneMode === 'viewer' || !schedule ? viewerZone : schedule.timeZone;
  const draft = completeDraft(editor.draft);

  const win = useMemo(() => {
    try {
      return calendarWindow(view, anchor, zone);
    } catch {
      return calendarWindow(view, anchor, viewerZone);
    }
  }, [view, anchor, zone, viewerZone]);
  const rendered = useMemo(
    // A page's span on either side, so that blocks cut by the window show their real ranges.
    () =>
      schedule
        ? renderCalendar(schedule, 2 * win.from - win.to, 2 * win.to - win.from, draft)
        : null,
    // The draft's fields, not its object, decide the preview.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [schedule, win, draft?.start, draft?.end, draft?.userId, draft?.replaces],
  );

  if (!schedule) {
    return (
      <section className="schedule-view" data-testid="schedule-calendar">
        <p>
          {hasData ? `There is no schedule ${props.id}: it may have been deleted.` : 'Loading…'}{' '}
          <Link to={{ name: 'schedules' }}>All schedules</Link>
        </p>
      </section>
    );
  }
  const canEdit = roleAllows(role, 'responder');
  const layerNames = new Map(schedule.layers.map((layer) => [layer.id, layer.name]));
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // An override's block took the key (./useOverrideKeyboard.ts).
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest('input, select, textarea, form')) return;
    const action = calendarKeyAction(event);
    if (!action) return;
    event.preventDefault();
    if (action.type === 'step') setAnchor((a) => stepAnchor(view, a, win.timeZone, action.step));
    else if (action.type === 'today') setAnchor(pageNow());
    else if (action.type === 'view') setView(action.view);
    else setZoneMode((m) => (m === 'schedule' ? 'viewer' : 'schedule'));
  };

  return (
    <section
      className="schedule-view"
      data-testid="schedule-calendar"
      aria-label={`Schedule ${schedule.name}`}
      onKeyDown={onKeyDown}
    >
      <header className="schedule-view__header">
        <Link to={{ name: 'schedules' }}>← All schedules</Link>
        <h1>{schedule.name}</h1>
        <span className="schedule-view__zone">
          Schedule zone {schedule.timeZone} · your zone {viewerZone} · version {schedule.version}
        </span>
      </header>
      <CalendarToolbar
        window={win}
        scheduleZone={schedule.timeZone}
        viewerZone={viewerZone}
        zoneMode={zoneMode}
        onView={setView}
        onStep={(step) => setAnchor((a) => stepAnchor(view, a, win.timeZone, step))}
        onToday={() => setAnchor(pageNow())}
        onZoneMode={setZoneMode}
      />
      {win.offsetChanges.length > 0 && (
        <ul className="cal-offset-notes" data-testid="offset-changes">
          {win.offsetChanges.map((change) => {
            const day = win.days.find((d) => d.start <= change.at && change.at < d.end);
            return (
              <li key={change.at}>
                {day?.label}: {day ? `${day.hours} h day. ` : ''}
                {change.label} in {win.timeZone}.
              </li>
            );
          })}
        </ul>
      )}
      {rendered instanceof Error || rendered === null ? (
        <p className="schedule-view__error" role="alert">
          This schedule cannot be shown in this browser: {rendered?.message ?? 'unknown error'}
        </p>
      ) : (
        <CalendarGrid
          window={win}
          rendered={rendered}
          layerNames={layerNames}
          userName={userName}
          now={now}
          onSelectRange={
            canEdit ? (start, end) => editor.edit({ start, end, replaces: null }) : null
          }
          findOverride={(id) => overrideToDrag(id, schedule.overrides, draft, draftOverrideId)}
          onChangeOverride={canEdit ? (change) => editor.drag(change) : null}
          onSaveOverride={() => {
            if (editor.state.kind === 'saving') return;
            if (draft && !draftProblem(draft, new Set(users.map((u) => u.id)))) void editor.save();
          }}
          onCancelOverride={editor.discard}
          onReveal={setAnchor}
          draft={draft}
          draftReplaces={draft?.replaces ?? null}
        />
      )}
      <div className="schedule-view__panels">
        {canEdit ? (
          <OverrideForm
            editor={editor}
            timeZone={win.timeZone}
            users={users}
            userName={userName}
            overrides={schedule.overrides}
          />
        ) : (
          <p className="schedule-view__read-only" data-testid="read-only">
            {viewerReadOnly}
          </p>
        )}
        <OverrideList
          overrides={schedule.overrides}
          since={now}
          timeZone={win.timeZone}
          userName={userName}
          onDelete={canEdit ? (id) => void editor.remove(id) : null}
          onChange={canEdit ? editor.change : null}
          busy={editor.state.kind === 'saving'}
        />
      </div>
    </section>
  );
}

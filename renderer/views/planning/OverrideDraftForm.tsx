import { useId, useState, type ReactNode } from 'react';
import type { RequestArgs } from '../../../shared/ipc/ipcContract.js';
import type { PlanningView } from '../../../shared/ipc/ipcViews.js';
import { useServices } from '../../app/services.js';
import { displayZone } from './draftDescription.js';
import {
  checkOverrideForm,
  emptyOverrideForm,
  type OverrideFormFields,
} from './overrideDraftForm.js';

/**
 * Drafts an override offline: a schedule and a user from the copy, start and end as wall-clock
 * times of the schedule's zone. Checked here first (./overrideDraftForm.ts); main queues it with
 * the copy's version of the schedule.
 */
export function OverrideDraftForm(props: {
  copy: PlanningView;
  busy: string | null;
  onDraft: (args: RequestArgs<'draftOverride'>) => Promise<string | null>;
}) {
  const { copy } = props;
  const { now } = useServices();
  const id = useId();
  const [fields, setFields] = useState<OverrideFormFields>(emptyOverrideForm);
  const [tried, setTried] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const check = checkOverrideForm(fields, copy, now());
  const schedule = copy.schedules.find((s) => s.id === fields.scheduleId);
  const zone = displayZone(schedule);
  const edit = (change: Partial<OverrideFormFields>) => {
    setFields({ ...fields, ...change });
    setSendError(null);
  };

  const submit = async () => {
    setTried(true);
    if (!check.ok) return;
    const error = await props.onDraft(check.args);
    setSendError(error);
    if (!error) {
      setFields({ ...emptyOverrideForm, scheduleId: fields.scheduleId });
      setTried(false);
    }
  };

  const field = (name: keyof OverrideFormFields, label: string, input: ReactNode) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {input}
    </div>
  );
  return (
    <form
      className="planning__section planning__form"
      aria-label="Draft an override"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>Draft an override</h2>
      {copy.schedules.length === 0 ? (
        <p className="planning__muted">
          The offline copy has no schedules yet: refresh it while the engine is reachable.
        </p>
      ) : (
        <div className="planning__fields">
          {field(
            'scheduleId',
            'Schedule',
            <select
              id={`${id}-scheduleId`}
              value={fields.scheduleId}
              onChange={(e) => edit({ scheduleId: e.target.value })}
            >
              <option value="">Choose a schedule…</option>
              {copy.schedules.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} (version {s.version})
                </option>
              ))}
            </select>,
          )}
          {field(
            'userId',
            'Who',
            <select
              id={`${id}-userId`}
              value={fields.userId}
              onChange={(e) => edit({ userId: e.target.value })}
            >
              <option value="">Choose a user…</option>
              {copy.users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>,
          )}
          {field(
            'start',
            schedule ? `Start (${zone})` : 'Start',
            <input
              id={`${id}-start`}
              type="datetime-local"
              value={fields.start}
              onChange={(e) => edit({ start: e.target.value })}
            />,
          )}
          {field(
            'end',
            schedule ? `End (${zone})` : 'End',
            <input
              id={`${id}-end`}
              type="datetime-local"
              value={fields.end}
              onChange={(e) => edit({ end: e.target.value })}
            />,
          )}
        </div>
      )}
      {tried && !check.ok && (
        <ul className="planning__problems" role="alert" data-testid="planning-form-problems">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {sendError && (
        <p className="planning__notice planning__notice--problem" role="alert">
          {sendError}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={props.busy !== null || copy.schedules.length === 0}
      >
        {props.busy === 'draft' ? 'Drafting…' : 'Draft override'}
      </button>
    </form>
  );
}

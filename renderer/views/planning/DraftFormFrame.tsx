import type { ReactNode } from 'react';
import type { PlanningView } from '../../../shared/ipc/ipcViews.js';

/**
 * The frame of an offline draft form: its heading, what to do when the copy has no schedules,
 * the form's own problems, main's refusal, and the send button.
 */
export function DraftFormFrame(props: {
  title: string;
  /** `data-testid` of the problems list. */
  problemsTestId: string;
  problems: readonly string[];
  sendError: string | null;
  hasSchedules: boolean;
  /** Disabled while anything is being sent. */
  disabled: boolean;
  sending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="planning__section planning__form"
      aria-label={props.title}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <h2>{props.title}</h2>
      {props.hasSchedules ? (
        props.children
      ) : (
        <p className="planning__muted">
          The offline copy has no schedules yet: refresh it while the engine is reachable.
        </p>
      )}
      {props.problems.length > 0 && (
        <ul className="planning__problems" role="alert" data-testid={props.problemsTestId}>
          {props.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {props.sendError && (
        <p className="planning__notice planning__notice--problem" role="alert">
          {props.sendError}
        </p>
      )}
      <button
        type="submit"
        className="button button--primary"
        disabled={props.disabled || !props.hasSchedules}
      >
        {props.sending ? 'Drafting…' : props.submitLabel}
      </button>
    </form>
  );
}

/** One labelled field of a draft form; `input` carries the id `${formId}-${name}`. */
export function DraftField(props: {
  formId: string;
  name: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${props.formId}-${props.name}`}>
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

/** The schedule a draft is for, from the offline copy (with the version a draft is based on). */
export function ScheduleChoice(props: {
  formId: string;
  value: string;
  schedules: PlanningView['schedules'];
  onChange: (scheduleId: string) => void;
}) {
  return (
    <DraftField formId={props.formId} name="scheduleId" label="Schedule">
      <select
        id={`${props.formId}-scheduleId`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">Choose a schedule…</option>
        {props.schedules.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} (version {s.version})
          </option>
        ))}
      </select>
    </DraftField>
  );
}

import { useId } from 'react';
import type { Override } from '../../../shared/schedule/index.js';
import type { OverrideEditor } from './useOverrideEditor.js';
import { completeDraft } from './useOverrideEditor.js';
import { draftProblem } from './overridePreview.js';
import { formatRange, fromLocalInput, toLocalInput } from './zonedTime.js';

/**
 * The override form: start, end (wall-clock times of the zone the calendar is drawn in) and
 * who takes the shift. The calendar previews a complete draft in its final lane as it is typed;
 * nothing reaches the engine before "Save override".
 */
export function OverrideForm(props: {
  editor: OverrideEditor;
  timeZone: string;
  users: readonly { id: string; name: string }[];
  userName: (userId: string) => string;
  /** The schedule's overrides: the one a draft replaces is named. */
  overrides: readonly Override[];
}) {
  const { editor, timeZone } = props;
  const id = useId();
  const fields = editor.draft;
  const replacing = fields?.replaces
    ? (props.overrides.find((o) => o.id === fields.replaces) ?? null)
    : null;
  const complete = completeDraft(fields);
  const problem = fields
    ? draftProblem(
        {
          ...(fields.start !== null ? { start: fields.start } : {}),
          ...(fields.end !== null ? { end: fields.end } : {}),
          userId: fields.userId,
        },
        new Set(props.users.map((u) => u.id)),
      )
    : null;
  const saving = editor.state.kind === 'saving';
  const value = (ms: number | null) =>
    ms === null || Number.isNaN(ms) ? '' : toLocalInput(ms, timeZone);

  return (
    <form
      className="override-form"
      aria-label="New override"
      onSubmit={(event) => {
        event.preventDefault();
        if (complete && !problem) void editor.save();
      }}
    >
      <h2>{replacing ? 'Change an override' : 'Take a shift (override)'}</h2>
      <p className="override-form__hint">
        {replacing
          ? `Changing the override of ${props.userName(replacing.userId)}, ${formatRange(Date.parse(replacing.start), Date.parse(replacing.end), timeZone)}: drag its block or its edges in the overrides lane, move it with the arrow keys there, or change the times (${timeZone} wall clock). Saving replaces it.`
          : `Drag across the final lane, or fill in the times (${timeZone} wall clock). Drag an override in the overrides lane to move it, or its edges to resize it; or focus it there and use the arrow keys.`}
      </p>
      {fields?.replaces && !replacing && !saving && (
        <p className="override-form__problem" data-testid="override-gone">
          The override you were changing is no longer in the schedule (someone else deleted or
          replaced it): saving adds your change as a new override.
        </p>
      )}
      <div className="override-form__fields">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-start`}>
            Start
          </label>
          <input
            id={`${id}-start`}
            type="datetime-local"
            value={value(fields?.start ?? null)}
            onChange={(e) => editor.edit({ start: fromLocalInput(e.target.value, timeZone) })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-end`}>
            End
          </label>
          <input
            id={`${id}-end`}
            type="datetime-local"
            value={value(fields?.end ?? null)}
            onChange={(e) => editor.edit({ end: fromLocalInput(e.target.value, timeZone) })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-user`}>
            Who
          </label>
          <select
            id={`${id}-user`}
            value={fields?.userId ?? ''}
            onChange={(e) => editor.edit({ userId: e.target.value })}
          >
            <option value="">Choose a user…</option>
            {props.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {fields && problem && <p className="override-form__problem">{problem}</p>}
      {complete && !problem && (
        <p className="override-form__preview" data-testid="override-preview" role="status">
          Preview (not saved): {props.userName(complete.userId)} on call{' '}
          {formatRange(complete.start, complete.end, timeZone)}. The final lane shows it.
        </p>
      )}
      <div className="override-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={!complete || !!problem || saving}
        >
          {saving ? 'Saving…' : replacing ? 'Save change' : 'Save override'}
        </button>
        {fields && (
          <button type="button" className="button button--quiet" onClick={editor.discard}>
            Discard draft
          </button>
        )}
      </div>
      {editor.state.kind !== 'idle' && editor.state.kind !== 'saving' && (
        <p
          className={`override-form__status override-form__status--${editor.state.kind}`}
          role={editor.state.kind === 'saved' ? 'status' : 'alert'}
          data-testid="override-status"
          data-kind={editor.state.kind}
        >
          {editor.state.message}
        </p>
      )}
    </form>
  );
}

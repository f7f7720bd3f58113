import { useId, useState, type ReactNode } from 'react';
import type { RequestArgs } from '../../../shared/ipc/ipcContract.js';
import type { PlanningView } from '../../../shared/ipc/ipcViews.js';
import { TurnUnit } from '../../../shared/schedule/scheduleModel.js';
import { displayZone } from './draftDescription.js';
import {
  checkLayerForm,
  emptyLayerForm,
  layerFormFor,
  type LayerFormFields,
} from './layerDraftForm.js';
import { RestrictionsField } from './RestrictionsField.js';
import { RotationUsersField } from './RotationUsersField.js';

/**
 * Drafts a change of one layer of a schedule offline: its rotation (users in order), its turns
 * and a hand-off, its restrictions — starting from the copy's layer. Checked here first
 * (./layerDraftForm.ts); main queues the whole schedule with the copy's version of it.
 */
export function LayerDraftForm(props: {
  copy: PlanningView;
  busy: string | null;
  onDraft: (args: RequestArgs<'draftScheduleEdit'>) => Promise<string | null>;
}) {
  const { copy } = props;
  const id = useId();
  const [fields, setFields] = useState<LayerFormFields>(emptyLayerForm);
  const [tried, setTried] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const check = checkLayerForm(fields, copy);
  const schedule = copy.schedules.find((s) => s.id === fields.scheduleId);
  const zone = displayZone(schedule);
  const edit = (change: Partial<LayerFormFields>) => {
    setFields({ ...fields, ...change });
    setSendError(null);
  };
  const start = (next: LayerFormFields) => {
    setFields(next);
    setTried(false);
    setSendError(null);
  };

  const submit = async () => {
    setTried(true);
    if (!check.ok) return;
    const error = await props.onDraft(check.args);
    setSendError(error);
    if (!error) start(layerFormFor(copy, fields.scheduleId, fields.layerId));
  };

  const field = (name: string, label: string, input: ReactNode) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {input}
    </div>
  );
  const layer = schedule?.layers.find((l) => l.id === fields.layerId);
  return (
    <form
      className="planning__section planning__form"
      aria-label="Draft a layer change"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>Draft a layer change</h2>
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
              onChange={(e) => start(layerFormFor(copy, e.target.value))}
            >
              <option value="">Choose a schedule…</option>
              {copy.schedules.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} (version {s.version})
                </option>
              ))}
            </select>,
          )}
          {schedule &&
            schedule.layers.length > 1 &&
            field(
              'layerId',
              'Layer',
              <select
                id={`${id}-layerId`}
                value={fields.layerId}
                onChange={(e) => start(layerFormFor(copy, schedule.id, e.target.value))}
              >
                {schedule.layers.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>,
            )}
        </div>
      )}
      {schedule && schedule.layers.length === 0 && (
        <p className="planning__muted">This schedule has no layers to change.</p>
      )}
      {layer && (
        <>
          <p className="planning__muted">
            Layer “{layer.name}”, as the offline copy has it (version {schedule?.version}).
          </p>
          <RotationUsersField
            userIds={fields.userIds}
            users={copy.users}
            onChange={(userIds) => edit({ userIds })}
          />
          <div className="planning__fields">
            {field(
              'turnLength',
              'Turn length',
              <input
                id={`${id}-turnLength`}
                inputMode="numeric"
                size={5}
                value={fields.turnLength}
                onChange={(e) => edit({ turnLength: e.target.value })}
              />,
            )}
            {field(
              'turnUnit',
              'Turn unit',
              <select
                id={`${id}-turnUnit`}
                value={fields.turnUnit}
                onChange={(e) => edit({ turnUnit: TurnUnit.parse(e.target.value) })}
              >
                {TurnUnit.options.map((unit) => (
                  <option key={unit} value={unit}>
                    {unit}
                  </option>
                ))}
              </select>,
            )}
            {field(
              'handoff',
              `A hand-off (${zone})`,
              <input
                id={`${id}-handoff`}
                type="datetime-local"
                value={fields.handoff}
                onChange={(e) => edit({ handoff: e.target.value })}
              />,
            )}
          </div>
          <RestrictionsField
            restrictions={fields.restrictions}
            zone={zone}
            onChange={(restrictions) => edit({ restrictions })}
          />
        </>
      )}
      {tried && !check.ok && (
        <ul className="planning__problems" role="alert" data-testid="planning-layer-problems">
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
        {props.busy === 'draft-layer' ? 'Drafting…' : 'Draft layer change'}
      </button>
    </form>
  );
}

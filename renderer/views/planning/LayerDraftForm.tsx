import { useId, type ReactNode } from 'react';
import type { RequestArgs } from '../../../shared/ipc/ipcContract.js';
import type { PlanningView } from '../../../shared/ipc/ipcViews.js';
import { TurnUnit } from '../../../shared/schedule/scheduleModel.js';
import { displayZone } from './draftDescription.js';
import { DraftField, DraftFormFrame, ScheduleChoice } from './DraftFormFrame.js';
import {
  checkLayerForm,
  emptyLayerForm,
  layerFormFor,
  type LayerFormFields,
} from './layerDraftForm.js';
import { RestrictionsField } from './RestrictionsField.js';
import { RotationUsersField } from './RotationUsersField.js';
import { useDraftForm } from './useDraftForm.js';

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
  const { fields, edit, start, submit, problems, sendError } = useDraftForm({
    initial: emptyLayerForm,
    check: (f: LayerFormFields) => checkLayerForm(f, copy),
    onDraft: props.onDraft,
    afterDraft: (f) => layerFormFor(copy, f.scheduleId, f.layerId),
  });
  const schedule = copy.schedules.find((s) => s.id === fields.scheduleId);
  const zone = displayZone(schedule);
  const field = (name: string, label: string, input: ReactNode) => (
    <DraftField formId={id} name={name} label={label}>
      {input}
    </DraftField>
  );
  const layer = schedule?.layers.find((l) => l.id === fields.layerId);
  return (
    <DraftFormFrame
      title="Draft a layer change"
      problemsTestId="planning-layer-problems"
      problems={problems}
      sendError={sendError}
      hasSchedules={copy.schedules.length > 0}
      disabled={props.busy !== null}
      sending={props.busy === 'draft-layer'}
      submitLabel="Draft layer change"
      onSubmit={() => void submit()}
    >
      <div className="planning__fields">
        <ScheduleChoice
          formId={id}
          value={fields.scheduleId}
          schedules={copy.schedules}
          onChange={(scheduleId) => start(layerFormFor(copy, scheduleId))}
        />
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
    </DraftFormFrame>
  );
}

import { useId, type ReactNode } from 'react';
import type { RequestArgs } from '../../../shared/ipc/ipcContract.js';
import type { PlanningView } from '../../../shared/ipc/ipcViews.js';
import { useServices } from '../../app/services.js';
import { displayZone } from './draftDescription.js';
import { DraftField, DraftFormFrame, ScheduleChoice } from './DraftFormFrame.js';
import {
  checkOverrideForm,
  emptyOverrideForm,
  type OverrideFormFields,
} from './overrideDraftForm.js';
import { useDraftForm } from './useDraftForm.js';

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
  const { fields, edit, submit, problems, sendError } = useDraftForm({
    initial: emptyOverrideForm,
    check: (f: OverrideFormFields) => checkOverrideForm(f, copy, now()),
    onDraft: props.onDraft,
    afterDraft: (f) => ({ ...emptyOverrideForm, scheduleId: f.scheduleId }),
  });
  const schedule = copy.schedules.find((s) => s.id === fields.scheduleId);
  const zone = displayZone(schedule);
  const field = (name: keyof OverrideFormFields, label: string, input: ReactNode) => (
    <DraftField formId={id} name={name} label={label}>
      {input}
    </DraftField>
  );
  return (
    <DraftFormFrame
      title="Draft an override"
      problemsTestId="planning-form-problems"
      problems={problems}
      sendError={sendError}
      hasSchedules={copy.schedules.length > 0}
      disabled={props.busy !== null}
      sending={props.busy === 'draft'}
      submitLabel="Draft override"
      onSubmit={() => void submit()}
    >
      <div className="planning__fields">
        <ScheduleChoice
          formId={id}
          value={fields.scheduleId}
          schedules={copy.schedules}
          onChange={(scheduleId) => edit({ scheduleId })}
        />
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
    </DraftFormFrame>
  );
}

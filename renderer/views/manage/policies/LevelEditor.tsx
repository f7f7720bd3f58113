import { useState } from 'react';
import type { EscalationTargetType } from '../../../../shared/escalation/escalationPolicyModel.js';
import { FieldError } from '../FieldError.js';
import type { FormErrors } from '../formErrors.js';
import type { LevelDraftState, TargetDraft } from './policyDraft.js';
import type { PolicyTargets } from './usePolicyTargets.js';

const typeLabels: Record<EscalationTargetType, string> = {
  user: 'User',
  schedule: 'Schedule (whoever is on call)',
  team: 'Team (all members)',
};

/** One level of the policy editor: its targets, timeout, round robin, and moving it. */
export function LevelEditor(props: {
  index: number;
  count: number;
  level: LevelDraftState;
  targets: PolicyTargets;
  errors: FormErrors;
  warnings: Readonly<Record<string, string>>;
  onChange: (change: Partial<LevelDraftState>) => void;
  onAddTarget: (target: TargetDraft) => void;
  onRemoveTarget: (targetIndex: number) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { index, level, errors, warnings } = props;
  const at = `levels.${index}`;
  const id = `policy-level-${index}`;
  const [type, setType] = useState<EscalationTargetType>('user');
  const [pick, setPick] = useState('');
  const options = props.targets.options[type];
  const add = () => {
    const chosen = pick || options[0]?.id;
    if (chosen) props.onAddTarget({ type, id: chosen });
  };
  return (
    <fieldset className="level" data-level={index}>
      <legend>Level {index + 1}</legend>
      <ul className="level__targets" aria-describedby={`${id}-targets-error`}>
        {level.targets.map((target, j) => (
          <li key={`${target.type}:${target.id}`}>
            <span className="level__target-type">{target.type}</span>{' '}
            {props.targets.nameOf(target.type, target.id)}
            <button
              type="button"
              className="button button--quiet"
              aria-label={`Remove ${props.targets.nameOf(target.type, target.id)}`}
              onClick={() => props.onRemoveTarget(j)}
            >
              ✕
            </button>
            <FieldError
              id={`${id}-target-${j}-error`}
              error={errors.fields[`${at}.targets.${j}.id`] ?? errors.fields[`${at}.targets.${j}`]}
              warning={warnings[`${at}.targets.${j}`]}
            />
          </li>
        ))}
        {level.targets.length === 0 && <li className="manage__hint">No targets yet.</li>}
      </ul>
      <FieldError id={`${id}-targets-error`} error={errors.fields[`${at}.targets`]} />
      <div className="level__add">
        <label htmlFor={`${id}-type`}>Add</label>
        <select
          id={`${id}-type`}
          className="select"
          value={type}
          onChange={(e) => {
            setType(e.target.value as EscalationTargetType);
            setPick('');
          }}
        >
          {(Object.keys(typeLabels) as EscalationTargetType[]).map((t) => (
            <option key={t} value={t}>
              {typeLabels[t]}
            </option>
          ))}
        </select>
        <select
          aria-label={`${type} to add to level ${index + 1}`}
          className="select"
          value={pick || options[0]?.id || ''}
          onChange={(e) => setPick(e.target.value)}
        >
          {options.length === 0 && <option value="">none exist yet</option>}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" disabled={options.length === 0} onClick={add}>
          Add target
        </button>
      </div>
      <div className="level__settings">
        <label htmlFor={`${id}-timeout`}>Escalate after (minutes)</label>
        <input
          id={`${id}-timeout`}
          inputMode="numeric"
          value={level.timeoutMinutes}
          aria-invalid={errors.fields[`${at}.timeoutMinutes`] ? true : undefined}
          aria-describedby={`${id}-timeout-error`}
          onChange={(e) => props.onChange({ timeoutMinutes: e.target.value })}
        />
        <label className="settings__choice">
          <input
            type="checkbox"
            checked={level.roundRobin}
            onChange={(e) => props.onChange({ roundRobin: e.target.checked })}
          />
          Round robin (one person per time, the next one each time)
        </label>
      </div>
      <FieldError
        id={`${id}-timeout-error`}
        error={errors.fields[`${at}.timeoutMinutes`]}
        warning={warnings[`${at}.roundRobin`]}
      />
      <div className="level__actions">
        <button
          type="button"
          className="button"
          disabled={index === 0}
          onClick={() => props.onMove(-1)}
        >
          Move up
        </button>
        <button
          type="button"
          className="button"
          disabled={index === props.count - 1}
          onClick={() => props.onMove(1)}
        >
          Move down
        </button>
        <button type="button" className="button" onClick={props.onRemove}>
          Remove level
        </button>
      </div>
    </fieldset>
  );
}

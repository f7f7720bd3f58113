import { useState, type FormEvent } from 'react';
import type { StoredEscalationPolicy } from '../../../../shared/api/escalationPolicies.js';
import { useAppStore, useServices } from '../../../app/services.js';
import { FormActions } from '../FormActions.js';
import { FieldError, FormError } from '../FieldError.js';
import { formErrorsFromServer, noErrors, type FormErrors } from '../formErrors.js';
import { useManageAccess, useManageCall } from '../manageServices.js';
import { LevelEditor } from './LevelEditor.js';
import * as edit from './policyDraft.js';
import { checkPolicyDraft } from './policyForm.js';
import { usePolicyTargets } from './usePolicyTargets.js';

type Base = { readonly id: string; readonly version: number } | null;

/**
 * Creates or changes an escalation policy. Every problem shows next to its field before
 * anything is sent (the engine's own validation, run here); a change names the version it was
 * based on, so one made elsewhere meanwhile is never overwritten (`version_conflict`).
 */
export function PolicyEditor(props: {
  policy?: StoredEscalationPolicy;
  onSaved: (id: string) => void;
  onClose: () => void;
}) {
  const { policy } = props;
  const [draft, setDraft] = useState(policy ? edit.draftOfPolicy(policy) : edit.emptyPolicyDraft);
  const [base, setBase] = useState<Base>(
    policy ? { id: policy.id, version: policy.version } : null,
  );
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [warnings, setWarnings] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const targets = usePolicyTargets();
  const access = useManageAccess();
  const call = useManageCall();
  const { store } = useServices();
  const liveVersion = useAppStore((s) =>
    base ? (s.entities.escalationPolicies.get(base.id)?.version ?? null) : null,
  );
  const movedOn = base !== null && liveVersion !== null && liveVersion > base.version;
  const change = (next: edit.PolicyDraft) => {
    setDraft(next);
    setSaved(false);
  };

  const reload = () => {
    const current = base && store.getState().entities.escalationPolicies.get(base.id);
    if (!current) return;
    setDraft(edit.draftOfPolicy(current));
    setBase({ id: current.id, version: current.version });
    setErrors(noErrors);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPolicyDraft(draft, targets.known, base);
    if (!checked.ok) return setErrors(checked.errors);
    setWarnings(checked.warnings);
    setBusy(true);
    const result = await call((t) =>
      base
        ? t.updateEscalationPolicy(base.id, checked.body)
        : t.createEscalationPolicy(checked.body),
    );
    setBusy(false);
    if (!result.ok) {
      return setErrors(formErrorsFromServer(result.error, ['name', 'levels', 'repeat']));
    }
    setErrors(noErrors);
    setDraft(edit.draftOfPolicy(result.value));
    setBase({ id: result.value.id, version: result.value.version });
    setSaved(true);
    props.onSaved(result.value.id);
  };
  const remove = async () => {
    if (!base) return props.onClose();
    const result = await call((t) => t.deleteEscalationPolicy(base.id, base.version));
    if (!result.ok) return setErrors({ fields: {}, form: result.error.message });
    props.onClose();
  };

  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Escalation policy"
    >
      <h2>{policy ? policy.name : 'New escalation policy'}</h2>
      {movedOn && (
        <p className="manage__notice" role="status">
          Someone changed this policy since you opened it (now version {liveVersion}). Saving would
          be refused.{' '}
          <button type="button" className="button" onClick={reload}>
            Load the current version
          </button>
        </p>
      )}
      <fieldset disabled={!access.canEdit || busy} className="form__fields">
        <label htmlFor="policy-name">Name</label>
        <input
          id="policy-name"
          value={draft.name}
          aria-invalid={errors.fields.name ? true : undefined}
          aria-describedby="policy-name-error"
          onChange={(e) => change({ ...draft, name: e.target.value })}
          placeholder="Database on-call"
        />
        <FieldError id="policy-name-error" error={errors.fields.name} />
        {draft.levels.map((level, i) => (
          <LevelEditor
            key={i}
            index={i}
            count={draft.levels.length}
            level={level}
            targets={targets}
            errors={errors}
            warnings={warnings}
            onChange={(c) => change(edit.changeLevel(draft, i, c))}
            onAddTarget={(t) => change(edit.addTarget(draft, i, t))}
            onRemoveTarget={(j) => change(edit.removeTarget(draft, i, j))}
            onMove={(by) => change(edit.moveLevel(draft, i, by))}
            onRemove={() => change(edit.removeLevel(draft, i))}
          />
        ))}
        <FieldError id="policy-levels-error" error={errors.fields.levels} />
        <div>
          <button type="button" className="button" onClick={() => change(edit.addLevel(draft))}>
            Add level
          </button>
        </div>
        <label htmlFor="policy-repeat">Repeat the whole policy (0–9 more times)</label>
        <input
          id="policy-repeat"
          inputMode="numeric"
          value={draft.repeat}
          aria-invalid={errors.fields.repeat ? true : undefined}
          aria-describedby="policy-repeat-error"
          onChange={(e) => change({ ...draft, repeat: e.target.value })}
        />
        <FieldError id="policy-repeat-error" error={errors.fields.repeat} />
      </fieldset>
      <FormError error={errors.form} />
      {saved && (
        <p className="manage__message" role="status">
          Saved.
        </p>
      )}
      <FormActions
        submit={base ? 'Save policy' : 'Create policy'}
        canEdit={access.canEdit}
        busy={busy}
        onCancel={props.onClose}
        cancel="Close"
        remove={
          base
            ? {
                label: 'Delete policy',
                question:
                  'Delete this escalation policy? Alert sources must use another one first.',
                onConfirm: () => void remove(),
              }
            : undefined
        }
      />
    </form>
  );
}

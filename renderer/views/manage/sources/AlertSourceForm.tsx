import { useMemo, useState, type FormEvent } from 'react';
import type { AlertSource } from '../../../../shared/domain/alertSource.js';
import { useAppStore } from '../../../app/services.js';
import { FieldError, FormError } from '../FieldError.js';
import { FormActions } from '../FormActions.js';
import { fieldAttributes, formErrorsFromServer, noErrors, type FormErrors } from '../formErrors.js';
import { byName } from '../manageLists.js';
import { useManageAccess, useManageCall } from '../manageServices.js';
import {
  alertSourceFields,
  alertSourceBody,
  draftOfAlertSource,
  emptyAlertSourceDraft,
  type AlertSourceDraft,
} from './alertSourceForm.js';

/** Creates an alert source (no `source`), or changes one's name, policy and timeouts. */
export function AlertSourceForm(props: {
  source?: AlertSource;
  onSaved: (source: AlertSource) => void;
  onCancel?: () => void;
}) {
  const { source } = props;
  const [draft, setDraft] = useState<AlertSourceDraft>(
    source ? draftOfAlertSource(source) : emptyAlertSourceDraft,
  );
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const policyMap = useAppStore((s) => s.entities.escalationPolicies);
  const policies = useMemo(() => byName(policyMap.values()), [policyMap]);
  const access = useManageAccess();
  const call = useManageCall();
  const set = (change: Partial<AlertSourceDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The form always has every field, so the create schema checks an edit too.
    const checked = alertSourceBody(draft);
    if (!checked.ok) return setErrors(checked.errors);
    setBusy(true);
    const result = await call((t) =>
      source ? t.updateAlertSource(source.id, checked.body) : t.createAlertSource(checked.body),
    );
    setBusy(false);
    if (!result.ok) return setErrors(formErrorsFromServer(result.error, alertSourceFields));
    setErrors(noErrors);
    props.onSaved(result.value);
  };

  const field = (name: keyof AlertSourceDraft) => fieldAttributes('source', name, errors);
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Alert source">
      <h2>{source ? `Settings of ${source.name}` : 'New alert source'}</h2>
      <fieldset disabled={!access.canEdit || busy} className="form__fields">
        <label htmlFor="source-name">Name</label>
        <input
          {...field('name')}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          placeholder="Prometheus prod"
        />
        <FieldError id="source-name-error" error={errors.fields.name} />
        <label htmlFor="source-escalationPolicyId">Escalation policy</label>
        <select
          {...field('escalationPolicyId')}
          className="select"
          value={draft.escalationPolicyId}
          onChange={(e) => set({ escalationPolicyId: e.target.value })}
        >
          <option value="">None: nobody is paged</option>
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <FieldError id="source-escalationPolicyId-error" error={errors.fields.escalationPolicyId} />
        <label htmlFor="source-ackTimeoutMinutes">Acknowledgement timeout (minutes)</label>
        <input
          {...field('ackTimeoutMinutes')}
          inputMode="numeric"
          value={draft.ackTimeoutMinutes}
          onChange={(e) => set({ ackTimeoutMinutes: e.target.value })}
          placeholder="none"
        />
        <FieldError id="source-ackTimeoutMinutes-error" error={errors.fields.ackTimeoutMinutes} />
        <label htmlFor="source-autoResolveMinutes">Auto-resolve after (minutes)</label>
        <input
          {...field('autoResolveMinutes')}
          inputMode="numeric"
          value={draft.autoResolveMinutes}
          onChange={(e) => set({ autoResolveMinutes: e.target.value })}
          placeholder="none"
        />
        <FieldError id="source-autoResolveMinutes-error" error={errors.fields.autoResolveMinutes} />
      </fieldset>
      <FormError error={errors.form} />
      <FormActions
        submit={source ? 'Save' : 'Create alert source'}
        canEdit={access.canEdit}
        busy={busy}
        onCancel={props.onCancel}
      />
    </form>
  );
}

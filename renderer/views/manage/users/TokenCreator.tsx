import { useState, type FormEvent } from 'react';
import type { CreatedApiToken } from '../../../../shared/domain/apiToken.js';
import { roleAllows, type User, type UserRole } from '../../../../shared/domain/user.js';
import { CopyButton } from '../../../components/CopyButton.js';
import { FieldError, FormError } from '../FieldError.js';
import {
  fieldErrorsFromZod,
  formErrorsFromServer,
  noErrors,
  type FormErrors,
} from '../formErrors.js';
import { useManageAccess, useManageCall } from '../manageServices.js';
import { CreateTokenRequest } from '../../../../shared/api/users.js';

/** Caps a token may carry: never above its user's role (the engine refuses that). */
const caps: ReadonlyArray<{ role: UserRole; label: string }> = [
  { role: 'viewer', label: 'Only read (viewer: a wall screen)' },
  { role: 'responder', label: 'Work alerts (responder)' },
  { role: 'admin', label: 'Everything (admin)' },
];

/**
 * An admin mints an API token for a user (a wall screen's viewer token, a script's) and sees
 * its secret once, with a copy button: the engine keeps only a hash.
 */
export function TokenCreator(props: { user: User; onCreated?: () => void }) {
  const access = useManageAccess();
  const call = useManageCall();
  const [name, setName] = useState('');
  const [cap, setCap] = useState<UserRole | ''>('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateTokenRequest.safeParse({ name, role: cap === '' ? null : cap });
    if (!parsed.success) return setErrors({ fields: fieldErrorsFromZod(parsed.error), form: null });
    setBusy(true);
    const result = await call((t) => t.createUserToken(props.user.id, parsed.data));
    setBusy(false);
    if (!result.ok) return setErrors(formErrorsFromServer(result.error, ['name', 'role']));
    setErrors(noErrors);
    setName('');
    setCreated(result.value);
    props.onCreated?.();
  };
  if (!access.canEdit) return null;
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="New API token">
      <h2>New API token for {props.user.name}</h2>
      <fieldset disabled={busy} className="form__fields">
        <label htmlFor="token-name">Token name</label>
        <input
          id="token-name"
          value={name}
          placeholder="NOC wall"
          aria-invalid={errors.fields.name ? true : undefined}
          aria-describedby="token-name-error"
          onChange={(e) => setName(e.target.value)}
        />
        <FieldError id="token-name-error" error={errors.fields.name} />
        <label htmlFor="token-role">May do</label>
        <select
          id="token-role"
          className="select"
          value={cap}
          onChange={(e) => setCap(e.target.value as UserRole | '')}
        >
          <option value="">
            Whatever {props.user.name} may ({props.user.role})
          </option>
          {caps
            .filter((c) => roleAllows(props.user.role, c.role))
            .map((c) => (
              <option key={c.role} value={c.role}>
                {c.label}
              </option>
            ))}
        </select>
        <FieldError id="token-role-error" error={errors.fields.role} />
      </fieldset>
      <FormError error={errors.form} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={busy}>
          Create token
        </button>
      </div>
      {created && (
        <div className="manage__key" data-testid="created-token">
          <p>
            The token “{created.name}”. Copy it now: it is shown only this once. A wall screen signs
            in with it, or opens <code>/wall?token=…</code> once.
          </p>
          <code className="manage__secret" data-testid="token-secret">
            {created.token}
          </code>
          <CopyButton text={created.token} label="Copy token" />
        </div>
      )}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { User } from '../../../../shared/domain/user.js';
import { FieldError, FormError } from '../FieldError.js';
import { FormActions } from '../FormActions.js';
import { fieldAttributes, formErrorsFromServer, noErrors, type FormErrors } from '../formErrors.js';
import { useManageAccess, useManageCall } from '../manageServices.js';
import { TimeZoneField } from './TimeZoneField.js';
import {
  createUserBody,
  draftOfUser,
  emptyUserDraft,
  updateUserBody,
  userFields,
  type UserDraft,
} from './userForm.js';

const roles = [
  { value: 'responder', label: 'Responder: works alerts' },
  { value: 'admin', label: 'Admin: also manages everything' },
  { value: 'viewer', label: 'Viewer: reads only (wall screens)' },
] as const;

/** Creates a user (no `user`), or changes one's name, email, role and time zone. */
export function UserForm(props: {
  user?: User;
  onSaved: (user: User) => void;
  onCancel?: () => void;
}) {
  const { user } = props;
  const [draft, setDraft] = useState<UserDraft>(user ? draftOfUser(user) : emptyUserDraft);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const access = useManageAccess();
  const call = useManageCall();
  const set = (change: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let result;
    if (user) {
      const checked = updateUserBody(draft, user);
      if (!checked.ok) return setErrors(checked.errors);
      setBusy(true);
      result = await call((t) => t.updateUser(user.id, checked.body));
    } else {
      const checked = createUserBody(draft);
      if (!checked.ok) return setErrors(checked.errors);
      setBusy(true);
      result = await call((t) => t.createUser(checked.body));
    }
    setBusy(false);
    if (!result.ok) return setErrors(formErrorsFromServer(result.error, userFields));
    setErrors(noErrors);
    props.onSaved(result.value);
  };

  const field = (name: keyof UserDraft) => fieldAttributes('user', name, errors);
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="User">
      <h2>{user ? user.name : 'New user'}</h2>
      <fieldset disabled={!access.canEdit || busy} className="form__fields">
        <label htmlFor="user-name">Name</label>
        <input
          {...field('name')}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <FieldError id="user-name-error" error={errors.fields.name} />
        <label htmlFor="user-email">Email</label>
        <input
          {...field('email')}
          type="email"
          value={draft.email}
          onChange={(e) => set({ email: e.target.value })}
        />
        <FieldError id="user-email-error" error={errors.fields.email} />
        <label htmlFor="user-role">Role</label>
        <select
          {...field('role')}
          className="select"
          value={draft.role}
          onChange={(e) => set({ role: e.target.value as UserDraft['role'] })}
        >
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id="user-role-error" error={errors.fields.role} />
        <TimeZoneField
          value={draft.timeZone}
          error={errors.fields.timeZone}
          onChange={(timeZone) => set({ timeZone })}
        />
      </fieldset>
      <FormError error={errors.form} />
      <FormActions
        submit={user ? 'Save' : 'Create user'}
        canEdit={access.canEdit}
        busy={busy}
        onCancel={props.onCancel}
      />
    </form>
  );
}

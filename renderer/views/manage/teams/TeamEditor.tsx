import { useMemo, useState, type FormEvent } from 'react';
import type { Team, TeamRole } from '../../../../shared/domain/team.js';
import { useAppStore } from '../../../app/services.js';
import type { TransportResult } from '../../../transport/transport.js';
import { FormActions } from '../FormActions.js';
import { FieldError, FormError } from '../FieldError.js';
import { formErrorsFromServer, noErrors, type FormErrors } from '../formErrors.js';
import { byName } from '../manageLists.js';
import { useManageAccess, useManageCall } from '../manageServices.js';
import * as form from './teamForm.js';

/** Creates or changes a team: name, description, members and their team role. */
export function TeamEditor(props: {
  team?: Team;
  onSaved: (id: string) => void;
  onClose: () => void;
}) {
  const { team } = props;
  const [draft, setDraft] = useState(team ? form.draftOfTeam(team) : form.emptyTeamDraft);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [pick, setPick] = useState('');
  const userMap = useAppStore((s) => s.entities.users);
  const users = useMemo(() => byName(userMap.values()), [userMap]);
  const candidates = users.filter((u) => !draft.members.some((m) => m.userId === u.id));
  const access = useManageAccess();
  const call = useManageCall();

  const fail = (result: TransportResult<unknown>) => {
    if (!result.ok) setErrors(formErrorsFromServer(result.error, form.teamFields));
    return !result.ok;
  };
  /** Sends what the draft changed; false (errors shown) when something was refused. */
  const save = async (): Promise<string | null> => {
    if (!team) {
      const checked = form.createTeamBody(draft);
      if (!checked.ok) return (setErrors(checked.errors), null);
      const result = await call((t) => t.createTeam(checked.body));
      return fail(result) || !result.ok ? null : result.value.id;
    }
    const checked = form.updateTeamBodies(draft, team);
    if (!checked.ok) return (setErrors(checked.errors), null);
    const { details, members } = checked.body;
    if (details && fail(await call((t) => t.updateTeam(team.id, details)))) return null;
    if (members && fail(await call((t) => t.replaceTeamMembers(team.id, members)))) return null;
    return team.id;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const id = await save();
    setBusy(false);
    if (id === null) return;
    setErrors(noErrors);
    props.onSaved(id);
  };
  const remove = async () => {
    if (!team) return;
    const result = await call((t) => t.deleteTeam(team.id));
    if (!fail(result)) props.onClose();
  };
  const chosen = pick || candidates[0]?.id || '';

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Team">
      <h2>{team ? team.name : 'New team'}</h2>
      <fieldset disabled={!access.canEdit || busy} className="form__fields">
        <label htmlFor="team-name">Name</label>
        <input
          id="team-name"
          value={draft.name}
          aria-invalid={errors.fields.name ? true : undefined}
          aria-describedby="team-name-error"
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
        <FieldError id="team-name-error" error={errors.fields.name} />
        <label htmlFor="team-description">Description</label>
        <input
          id="team-description"
          value={draft.description}
          aria-describedby="team-description-error"
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
        />
        <FieldError id="team-description-error" error={errors.fields.description} />
        <span className="form__label">Members</span>
        <ul className="level__targets">
          {draft.members.map((m) => (
            <li key={m.userId}>
              {userMap.get(m.userId)?.name ?? `user ${m.userId}`}{' '}
              <select
                className="select"
                aria-label={`Team role of ${userMap.get(m.userId)?.name ?? m.userId}`}
                value={m.role}
                onChange={(e) =>
                  setDraft(form.setMember(draft, m.userId, e.target.value as TeamRole))
                }
              >
                <option value="member">member</option>
                <option value="manager">manager</option>
              </select>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setDraft(form.removeMember(draft, m.userId))}
              >
                Remove
              </button>
            </li>
          ))}
          {draft.members.length === 0 && <li className="manage__hint">No members yet.</li>}
        </ul>
        <FieldError id="team-members-error" error={errors.fields.members} />
        <div className="level__add">
          <select
            className="select"
            aria-label="User to add"
            value={chosen}
            onChange={(e) => setPick(e.target.value)}
          >
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            disabled={!chosen}
            onClick={() => {
              setDraft(form.setMember(draft, chosen, 'member'));
              setPick('');
            }}
          >
            Add member
          </button>
        </div>
      </fieldset>
      <FormError error={errors.form} />
      <FormActions
        submit={team ? 'Save team' : 'Create team'}
        canEdit={access.canEdit}
        busy={busy}
        onCancel={props.onClose}
        cancel="Close"
        remove={
          team && {
            label: 'Delete team',
            question: `Delete ${team.name}? Its members stay users; policies naming the team reach nobody through it.`,
            onConfirm: () => void remove(),
          }
        }
      />
    </form>
  );
}

import { useMemo, useState } from 'react';
import type { User } from '../../../../shared/domain/user.js';
import { useAppStore } from '../../../app/services.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { byName } from '../manageLists.js';
import { useManageAccess, useManageCall } from '../manageServices.js';
import { ManageSplit } from '../ManageSplit.js';
import { UserForm } from './UserForm.js';
import { UserTokens } from './UserTokens.js';

/** `/manage/users`: the users, live from the stream; create, change, delete; list, mint and revoke tokens. */
export function UsersPage() {
  const userMap = useAppStore((s) => s.entities.users);
  const me = useAppStore((s) => s.session.user?.id ?? null);
  const access = useManageAccess();
  const call = useManageCall();
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const users = useMemo(() => byName(userMap.values()), [userMap]);
  const remove = async (id: string, name: string) => {
    const result = await call((t) => t.deleteUser(id));
    setMessage(
      result.ok ? `${name} was deleted; their API tokens no longer work.` : result.error.message,
    );
    if (result.ok) setSelected(null);
  };
  const editor = (user: User) => (
    <div className="manage__detail-body" key={user.id}>
      <UserForm
        key={`${user.id}:${user.email}:${user.role}:${user.timeZone}:${user.name}`}
        user={user}
        onSaved={() => setMessage('Saved.')}
      />
      <UserTokens user={user} />
      <section aria-label="Delete" className="manage__danger">
        <ConfirmButton
          label="Delete user"
          question={`Delete ${user.name}? Their API tokens stop working, their open alerts lose them as assignee, and they leave every team.`}
          disabled={!access.canEdit}
          onConfirm={() => void remove(user.id, user.name)}
        />
      </section>
    </div>
  );
  return (
    <ManageSplit
      items={users}
      selected={selected}
      onSelect={setSelected}
      canEdit={access.canEdit}
      texts={{
        create: 'New user',
        pick: 'Pick a user to change them or give them an API token.',
        missing:
          'Not in the live list: the stream has not brought this user yet, or it was deleted.',
      }}
      listTestId="user-list"
      rowIdAttribute="data-user-id"
      headers={['Name', 'Email', 'Role', 'Time zone']}
      renderAfterName={(u) => u.id === me && <span className="manage__hint"> (you)</span>}
      renderCells={(u) => (
        <>
          <td>{u.email}</td>
          <td>{u.role}</td>
          <td>{u.timeZone}</td>
        </>
      )}
      listFooter={
        message && (
          <p className="manage__message" role="status">
            {message}
          </p>
        )
      }
      renderEditor={(user) =>
        user === 'new' ? (
          <UserForm
            key="new"
            onSaved={(u) => setSelected(u.id)}
            onCancel={() => setSelected(null)}
          />
        ) : (
          editor(user)
        )
      }
    />
  );
}

import { useMemo } from 'react';
import type { User } from '../../../../shared/domain/user.js';
import { ConfirmButton } from '../ConfirmButton.js';
import { tokenRows } from './tokenRows.js';
import { useUserTokens } from './useUserTokens.js';

/**
 * A user's API tokens: name, what each may do, when it was made and last used, and a revoke
 * behind a confirmation. Tokens do not expire: one that is no longer needed is revoked.
 */
export function TokenList(props: { user: User; reloadKey: number }) {
  const { user } = props;
  const { tokens, message, busy, revoke } = useUserTokens(user.id, props.reloadKey);
  const rows = useMemo(() => (tokens ? tokenRows(tokens, user.role) : []), [tokens, user.role]);
  const byId = useMemo(() => new Map(tokens?.map((t) => [t.id, t])), [tokens]);
  return (
    <section className="form" aria-label="API tokens" data-testid="token-list">
      <h2>API tokens of {user.name}</h2>
      {tokens === null && !message && <p className="manage__hint">Reading the tokens…</p>}
      {tokens !== null && rows.length === 0 && (
        <p className="manage__empty">{user.name} has no API tokens.</p>
      )}
      {rows.length > 0 && (
        <table className="manage__table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Starts with</th>
              <th>May do</th>
              <th>Created</th>
              <th>Last used</th>
              <th aria-label="Revoke" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-token-id={row.id}>
                <td>{row.name}</td>
                <td>
                  <code>{row.prefix}</code>
                </td>
                <td>{row.mayDo}</td>
                <td>{row.created}</td>
                <td>{row.lastUsed}</td>
                <td>
                  <ConfirmButton
                    label="Revoke"
                    question={`Revoke “${row.name}”? Whatever uses it (a wall screen, a script) is refused at once; this cannot be undone.`}
                    disabled={busy}
                    onConfirm={() => {
                      const token = byId.get(row.id);
                      if (token) void revoke(token);
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="manage__hint">Tokens do not expire: revoke one that is no longer needed.</p>
      {message && (
        <p className="manage__message" role="status" data-testid="token-message">
          {message}
        </p>
      )}
    </section>
  );
}

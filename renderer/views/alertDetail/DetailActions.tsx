import { useMemo, useState } from 'react';
import type { AlertSummary } from '../../../shared/domain/alert.js';
import { actionApplies } from '../../app/alertActions.js';
import { useActions, useAppStore, useServices } from '../../app/services.js';

/**
 * Accept, resolve (the same actions as the queue's, with notices) and reassign. Disabled, with
 * the reason shown, when the session's token may not act (a viewer, or a capped token).
 */
export function DetailActions(props: {
  alert: AlertSummary;
  canAct: boolean;
  whyNot: string;
  onChanged: () => void;
}) {
  const { alert, canAct } = props;
  const pending = useAppStore((s) => s.actions.pending.get(alert.id));
  const users = useAppStore((s) => s.entities.users);
  const { alertActions, session } = useServices();
  const { setPending } = useActions();
  const [error, setError] = useState<string | null>(null);
  const people = useMemo(
    () => [...users.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [users],
  );
  const busy = pending !== undefined;

  const assign = async (userId: string | null) => {
    const transport = session.transport;
    if (!transport) return;
    setError(null);
    setPending([alert.id], 'assign');
    const result = await transport.assignAlert(alert.id, userId);
    setPending([alert.id], null);
    if (!result.ok) setError(`Could not reassign alert ${alert.id}: ${result.error.message}`);
    else props.onChanged();
  };

  return (
    <div className="detail__actions" data-testid="detail-actions">
      <button
        type="button"
        className="button"
        disabled={!canAct || busy || !actionApplies('accept', alert)}
        onClick={() => void alertActions.run('accept', [alert.id])}
        title="Accept (a)"
      >
        Accept <kbd>a</kbd>
      </button>
      <button
        type="button"
        className="button"
        disabled={!canAct || busy || !actionApplies('resolve', alert)}
        onClick={() => void alertActions.run('resolve', [alert.id])}
        title="Resolve (r)"
      >
        Resolve <kbd>r</kbd>
      </button>
      <label className="detail__assign">
        Assignee
        <select
          value={alert.assigneeId ?? ''}
          disabled={!canAct || busy || alert.state === 'RESOLVED'}
          onChange={(event) => void assign(event.target.value === '' ? null : event.target.value)}
        >
          <option value="">Nobody</option>
          {people.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
          {alert.assigneeId !== null && !users.has(alert.assigneeId) && (
            <option value={alert.assigneeId}>User {alert.assigneeId}</option>
          )}
        </select>
      </label>
      {!canAct && (
        <p className="detail__why-not" data-testid="actions-why-not">
          {props.whyNot}
        </p>
      )}
      {error && (
        <p className="detail__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

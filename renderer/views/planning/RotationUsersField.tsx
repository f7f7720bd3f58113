import { useEffect, useId, useRef, useState } from 'react';
import type { User } from '../../../shared/domain/user.js';
import { userNameIn } from './draftDescription.js';
import { addUser, moveUser, removeUser } from './layerDraftForm.js';

/**
 * A layer's rotation: its users in order, each with Move up, Move down and Remove buttons, and a
 * user to add at the end. Plain buttons, so the keyboard works as everywhere; after a move the
 * focus stays on the user moved, and a live region says where they went.
 */
export function RotationUsersField(props: {
  userIds: readonly string[];
  users: readonly User[];
  onChange: (userIds: string[]) => void;
}) {
  const { userIds } = props;
  const id = useId();
  const name = userNameIn(props.users);
  const list = useRef<HTMLOListElement>(null);
  const [adding, setAdding] = useState('');
  const [said, setSaid] = useState('');
  const [focus, setFocus] = useState<{ index: number; by: -1 | 1 } | null>(null);

  useEffect(() => {
    if (!focus || !list.current) return;
    const buttons = list.current.querySelectorAll<HTMLButtonElement>(
      `[data-row="${focus.index}"] button`,
    );
    // Up, down, remove: the same direction if it is still possible, else the other one.
    const [up, down] = [buttons[0], buttons[1]];
    const wanted = focus.by === -1 ? up : down;
    (wanted && !wanted.disabled ? wanted : focus.by === -1 ? down : up)?.focus();
    setFocus(null);
  }, [focus]);

  const move = (index: number, by: -1 | 1) => {
    props.onChange(moveUser(userIds, index, by));
    setSaid(`${name(userIds[index]!)} moved to position ${index + by + 1} of ${userIds.length}.`);
    setFocus({ index: index + by, by });
  };
  const remove = (index: number) => {
    props.onChange(removeUser(userIds, index));
    setSaid(`${name(userIds[index]!)} removed from the rotation.`);
  };

  return (
    <fieldset className="planning__rotation">
      <legend>Rotation, in order (the first takes the turn at the hand-off)</legend>
      {userIds.length === 0 ? (
        <p className="planning__muted">Nobody in the rotation yet.</p>
      ) : (
        <ol ref={list} className="planning__rotation-list" aria-label="Rotation">
          {userIds.map((userId, index) => (
            <li key={`${index}-${userId}`} data-row={index}>
              <span className="planning__rotation-name">{name(userId)}</span>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Move ${name(userId)} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Move ${name(userId)} down`}
                disabled={index === userIds.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button--quiet"
                aria-label={`Remove ${name(userId)} (position ${index + 1})`}
                onClick={() => remove(index)}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="planning__rotation-add">
        <label htmlFor={`${id}-add`}>Add to the rotation</label>
        <select id={`${id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">Choose a user…</option>
          {props.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={!adding}
          onClick={() => {
            props.onChange(addUser(userIds, adding));
            setSaid(`${name(adding)} added at the end of the rotation.`);
            setAdding('');
          }}
        >
          Add
        </button>
      </div>
      <p className="planning__sr-only" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}

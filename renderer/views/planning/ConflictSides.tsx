import type { ReactNode } from 'react';
import type { User } from '../../../shared/domain/user.js';
import type { ConflictView, DraftView } from '../../../shared/ipc/ipcViews.js';
import { describeOverride, displayZone, overridePayload, userNameIn } from './draftDescription.js';
import { overridesAround } from './overrideConflict.js';
import { diffScheduleEdit } from './scheduleDiff.js';

/** The two columns of a conflict: "Yours (draft)" and "The engine's now (version N)". */
export function ConflictSides(props: {
  conflict: ConflictView;
  /** The draft's kind; null when the draft is gone (then guessed from the payload). */
  kind: DraftView['kind'] | null;
  users: readonly User[];
}) {
  const { conflict } = props;
  const userName = userNameIn(props.users);
  const zone = displayZone(conflict.theirs);
  const override = props.kind === 'schedule' ? null : overridePayload(conflict.mine);
  const theirsTitle = `The engine's now (version ${conflict.theirs.version})`;
  let body: ReactNode;
  if (override) {
    const around = overridesAround(override, conflict.theirs, zone, userName);
    body = (
      <div className="planning__sides">
        <Side title="Yours (draft)">
          <p>{describeOverride(override, zone, userName)}</p>
        </Side>
        <Side title={theirsTitle}>
          {around.length === 0 ? (
            <p>No overrides within 12 hours of yours: the schedule changed otherwise.</p>
          ) : (
            <ul>
              {around.map((o) => (
                <li key={o.id}>
                  {o.text}
                  {o.overlaps && <strong> — overlaps yours</strong>}
                </li>
              ))}
            </ul>
          )}
        </Side>
      </div>
    );
  } else {
    const diff = diffScheduleEdit(conflict.mine, conflict.theirs, userName);
    body = !diff.ok ? (
      <p className="planning__problem">{diff.problem}</p>
    ) : diff.rows.length === 0 ? (
      <p>Both read the same in the parts compared here; see the raw data below.</p>
    ) : (
      <>
        {diff.rows.some((row) => row.label === 'Overrides') && (
          <p className="planning__problem">
            Keeping yours replaces the engine's overrides with those of your draft.
          </p>
        )}
        <table className="planning__diff">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Yours (draft)</th>
              <th scope="col">{theirsTitle}</th>
            </tr>
          </thead>
          <tbody>
            {diff.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.mine}</td>
                <td>{row.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  return (
    <>
      {body}
      <details className="planning__raw">
        <summary>Raw data of both sides</summary>
        <div className="planning__sides">
          <Side title="Yours (draft)">
            <pre>{JSON.stringify(conflict.mine, null, 2)}</pre>
          </Side>
          <Side title={theirsTitle}>
            <pre>{JSON.stringify(conflict.theirs, null, 2)}</pre>
          </Side>
        </div>
      </details>
    </>
  );
}

function Side(props: { title: string; children: ReactNode }) {
  return (
    <div className="planning__side">
      <h4>{props.title}</h4>
      {props.children}
    </div>
  );
}

import type { EngineView } from '../../../shared/ipc/ipcViews.js';
import { engineStatusText } from '../../app/desktopEngines.js';
import { ConfirmButton } from '../manage/ConfirmButton.js';

/** One of the app's engines: where it is, its state and counts, and what can be done with it. */
export function EngineRow(props: {
  engine: EngineView;
  shown: boolean;
  busy: boolean;
  onShow: () => void;
  onRemove: () => void;
}) {
  const { engine } = props;
  return (
    <li className="settings__engine" data-engine={engine.id} data-status={engine.status}>
      <span className="settings__engine-name">
        {engine.label}
        {props.shown && <span className="label">shown</span>}
      </span>
      <span className="settings__engine-url">
        {engine.kind === 'embedded' ? `embedded ${engine.url}` : engine.url}
      </span>
      <span>
        {engineStatusText(engine)} · {engine.pendingOverall} pending ({engine.pendingForMe} for me)
      </span>
      {engine.problem && <span className="settings__problem">{engine.problem}</span>}
      <span className="settings__engine-actions">
        {!props.shown && (
          <button type="button" className="button" disabled={props.busy} onClick={props.onShow}>
            Show
          </button>
        )}
        {engine.kind === 'remote' && (
          <ConfirmButton
            label="Remove"
            question={`Remove ${engine.label}? Its token is deleted from this machine and its notifications stop.`}
            onConfirm={props.onRemove}
            disabled={props.busy}
          />
        )}
      </span>
    </li>
  );
}

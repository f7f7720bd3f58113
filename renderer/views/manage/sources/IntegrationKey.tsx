import { CopyButton } from '../../../components/CopyButton.js';
import { ConfirmButton } from '../ConfirmButton.js';

/** The key, a copy button, and rotation behind a confirmation. */
export function IntegrationKey(props: { value: string; canRotate: boolean; onRotate: () => void }) {
  return (
    <div className="manage__key">
      <code className="manage__secret" data-testid="integration-key">
        {props.value}
      </code>
      <CopyButton text={props.value} label="Copy key" />
      <ConfirmButton
        label="Rotate key"
        question="Issue a new key? The current one stops working at once: every sender needs the new one."
        disabled={!props.canRotate}
        onConfirm={props.onRotate}
      />
      <p className="manage__hint">
        Treat it like a password: whoever has it can open alerts on this source.
      </p>
    </div>
  );
}

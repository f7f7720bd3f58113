import { ConfirmButton } from './ConfirmButton.js';

/**
 * The buttons under a manage form: submit, then cancel (or close) when there is somewhere to go
 * back to, then delete behind a second click when the entity exists.
 */
export function FormActions(props: {
  submit: string;
  canEdit: boolean;
  busy: boolean;
  onCancel?: () => void;
  /** The cancel button's text; "Cancel" unless told. */
  cancel?: string;
  remove?: { readonly label: string; readonly question: string; readonly onConfirm: () => void };
}) {
  const { remove } = props;
  return (
    <div className="form__actions">
      <button
        type="submit"
        className="button button--primary"
        disabled={!props.canEdit || props.busy}
      >
        {props.submit}
      </button>
      {props.onCancel && (
        <button type="button" className="button" onClick={props.onCancel}>
          {props.cancel ?? 'Cancel'}
        </button>
      )}
      {remove && (
        <ConfirmButton
          label={remove.label}
          question={remove.question}
          disabled={!props.canEdit}
          onConfirm={remove.onConfirm}
        />
      )}
    </div>
  );
}

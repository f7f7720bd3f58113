/** A field's error (or warning), next to it; `id` is what the field's aria-describedby names. */
export function FieldError(props: { id: string; error?: string; warning?: string }) {
  if (props.error) {
    return (
      <span className="field__error" id={props.id} role="alert">
        {props.error}
      </span>
    );
  }
  if (props.warning) {
    return (
      <span className="field__warning" id={props.id}>
        {props.warning}
      </span>
    );
  }
  return null;
}

/** The form's own error (the engine's sentence, or a summary of the fields to fix). */
export function FormError(props: { error: string | null }) {
  return props.error ? (
    <p className="form__error" role="alert" data-testid="form-error">
      {props.error}
    </p>
  ) : null;
}

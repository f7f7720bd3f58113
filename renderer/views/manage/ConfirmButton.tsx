import { useState } from 'react';

/**
 * A destructive action behind a second click: the first shows what will happen and asks again
 * (no `window.confirm`, which a wall screen or the desktop shell may block).
 */
export function ConfirmButton(props: {
  label: string;
  /** What will happen, as a sentence: "Delete X? Its key stops working …". */
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button--danger"
        disabled={props.disabled}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm">
      <span>{props.question}</span>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        Yes, {props.label.toLowerCase()}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

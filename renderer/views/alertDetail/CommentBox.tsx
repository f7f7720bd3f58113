import { useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useActions, useServices } from '../../app/services.js';

/** Longest comment the engine takes (docs/api.md): refused there, not cut. */
const maxLength = 16_384;

/** A comment on the alert (`c` focuses it; Ctrl+Enter sends; Escape leaves it). */
export function CommentBox({
  alertId,
  canAct,
  inputRef,
  onSent,
}: {
  alertId: string;
  canAct: boolean;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  onSent: () => void;
}) {
  const { session } = useServices();
  const { setPending } = useActions();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = text.trim();

  const send = async () => {
    const transport = session.transport;
    if (!transport || trimmed === '' || sending) return;
    setSending(true);
    setError(null);
    setPending([alertId], 'comment');
    const result = await transport.commentAlert(alertId, trimmed);
    setPending([alertId], null);
    setSending(false);
    if (!result.ok) {
      setError(`Could not add the comment: ${result.error.message} Your text is kept.`);
      return;
    }
    setText('');
    onSent();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className="comment-box" onSubmit={onSubmit} data-testid="comment-box">
      <label htmlFor="comment-text" className="detail__heading">
        Comment <kbd>c</kbd>
      </label>
      <textarea
        id="comment-text"
        ref={inputRef}
        value={text}
        maxLength={maxLength}
        rows={3}
        disabled={!canAct}
        placeholder={canAct ? 'What you found or did (Ctrl+Enter sends)' : ''}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="comment-box__row">
        <button type="submit" className="button" disabled={!canAct || sending || trimmed === ''}>
          {sending ? 'Adding…' : 'Add comment'}
        </button>
        {error && (
          <p className="detail__error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

import { useState } from 'react';

/** What a draft form's check says: the arguments to send, or what is wrong, as sentences. */
export type DraftCheck<A> =
  | { readonly ok: true; readonly args: A }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The state every offline draft form has: its fields, whether the operator tried to send them
 * (problems show from then on), and main's refusal of the last send. `check` runs on every
 * render; after a draft is queued the form starts again from `afterDraft(fields)`.
 */
export function useDraftForm<F, A>(options: {
  initial: F;
  check: (fields: F) => DraftCheck<A>;
  onDraft: (args: A) => Promise<string | null>;
  afterDraft: (fields: F) => F;
}) {
  const [fields, setFields] = useState<F>(options.initial);
  const [tried, setTried] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const check = options.check(fields);

  /** Changes some fields; main's last refusal no longer applies. */
  const edit = (change: Partial<F>) => {
    setFields({ ...fields, ...change });
    setSendError(null);
  };
  /** Starts over from `next` (a new schedule or layer chosen, a draft queued). */
  const start = (next: F) => {
    setFields(next);
    setTried(false);
    setSendError(null);
  };
  const submit = async () => {
    setTried(true);
    if (!check.ok) return;
    const error = await options.onDraft(check.args);
    setSendError(error);
    if (!error) start(options.afterDraft(fields));
  };
  const problems = tried && !check.ok ? check.problems : [];
  return { fields, edit, start, submit, problems, sendError };
}

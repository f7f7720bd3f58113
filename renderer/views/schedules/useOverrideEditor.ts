import { useCallback, useState } from 'react';
import { useServices } from '../../app/services.js';
import type { OverrideDraft } from './overridePreview.js';
import { deleteOverride, saveOverrideDraft, type SaveState } from './overrideSaving.js';

/** The draft being edited: any part may be missing while the operator fills the form in. */
export interface DraftFields {
  readonly start: number | null;
  readonly end: number | null;
  readonly userId: string;
}

const emptyDraft: DraftFields = { start: null, end: null, userId: '' };

/** The draft as resolution takes it, or null while incomplete or inside out. */
export function completeDraft(fields: DraftFields | null): OverrideDraft | null {
  if (!fields || fields.start === null || fields.end === null || !fields.userId) return null;
  if (Number.isNaN(fields.start) || Number.isNaN(fields.end) || fields.end <= fields.start) {
    return null;
  }
  return { start: fields.start, end: fields.end, userId: fields.userId };
}

/**
 * The override being drafted on one schedule, and saving it (./overrideSaving.ts): sent with the
 * version of the schedule the store holds at that moment, which the stream keeps current. A 409
 * keeps the draft and says why; the stream has meanwhile brought the schedule as it is now, so
 * the preview shows the draft on it and the next try is based on its version.
 */
export function useOverrideEditor(scheduleId: string) {
  const { store, session } = useServices();
  const [draft, setDraft] = useState<DraftFields | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const edit = useCallback((change: Partial<DraftFields>) => {
    setDraft((current) => ({ ...(current ?? emptyDraft), ...change }));
    setState((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
  }, []);

  const discard = useCallback(() => {
    setDraft(null);
    setState({ kind: 'idle' });
  }, []);

  const save = useCallback(async () => {
    const complete = completeDraft(draft);
    const schedule = store.getState().entities.schedules.get(scheduleId);
    const transport = session.transport;
    if (!complete || !schedule || !transport) return;
    setState({ kind: 'saving' });
    const next = await saveOverrideDraft(transport, schedule, complete);
    if (next.kind === 'saved') setDraft(null);
    setState(next);
  }, [draft, scheduleId, session, store]);

  const remove = useCallback(
    async (overrideId: string) => {
      const schedule = store.getState().entities.schedules.get(scheduleId);
      const transport = session.transport;
      if (!schedule || !transport) return;
      setState({ kind: 'saving' });
      setState(await deleteOverride(transport, schedule, overrideId));
    },
    [scheduleId, session, store],
  );

  return { draft, state, edit, discard, save, remove };
}

export type OverrideEditor = ReturnType<typeof useOverrideEditor>;

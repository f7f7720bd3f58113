import { useCallback, useState } from 'react';
import { useServices } from '../../app/services.js';
import type { OverrideDraft } from './overridePreview.js';
import {
  deleteOverride,
  replaceOverride,
  saveOverrideDraft,
  type SaveState,
} from './overrideSaving.js';

/** The draft being edited: any part may be missing while the operator fills the form in. */
export interface DraftFields {
  readonly start: number | null;
  readonly end: number | null;
  readonly userId: string;
  /** The override this draft changes (dragged, or "Change" in the list); null for a new one. */
  readonly replaces?: string | null;
  /**
   * The schedule version the change of `replaces` was begun on: saving deletes it at that
   * version, so a change someone else made meanwhile answers 409 instead of being overwritten.
   * Null once a 409 was shown: the next try is based on the schedule the calendar shows then.
   */
  readonly baseVersion?: number | null;
}

const emptyDraft: DraftFields = { start: null, end: null, userId: '', replaces: null };

/** The draft as resolution takes it, or null while incomplete or inside out. */
export function completeDraft(fields: DraftFields | null): OverrideDraft | null {
  if (!fields || fields.start === null || fields.end === null || !fields.userId) return null;
  if (Number.isNaN(fields.start) || Number.isNaN(fields.end) || fields.end <= fields.start) {
    return null;
  }
  return {
    start: fields.start,
    end: fields.end,
    userId: fields.userId,
    ...(fields.replaces ? { replaces: fields.replaces } : {}),
  };
}

/**
 * The override being drafted on one schedule, and saving it (./overrideSaving.ts): sent with the
 * version of the schedule the store holds at that moment, which the stream keeps current. A 409
 * keeps the draft and says why; the stream has meanwhile brought the schedule as it is now, so
 * the preview shows the draft on it and the next try is based on its version. A draft that
 * `replaces` an override (moved or resized) deletes it and creates the draft when saved.
 */
export function useOverrideEditor(scheduleId: string) {
  const { store, session } = useServices();
  const [draft, setDraft] = useState<DraftFields | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const edit = useCallback((change: Partial<DraftFields>) => {
    setDraft((current) => ({ ...(current ?? emptyDraft), ...change }));
    setState((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
  }, []);

  const heldVersion = useCallback(
    () => store.getState().entities.schedules.get(scheduleId)?.version ?? null,
    [scheduleId, store],
  );

  /**
   * A drag's or a key's step: the draft takes the range; moving the draft keeps what it replaces.
   * Taking a saved override notes the version it was taken on.
   */
  const drag = useCallback(
    (change: { start: number; end: number; userId: string; replaces: string | null }) => {
      setDraft((current) => {
        const base = current ?? emptyDraft;
        const taken =
          change.replaces && change.replaces !== base.replaces
            ? { replaces: change.replaces, baseVersion: heldVersion() }
            : {};
        return { ...base, start: change.start, end: change.end, userId: change.userId, ...taken };
      });
      setState((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
    },
    [heldVersion],
  );

  /** "Change" in the list: the override into the form, to be moved or resized there. */
  const change = useCallback(
    (override: { id: string; start: string; end: string; userId: string }) => {
      setDraft({
        start: Date.parse(override.start),
        end: Date.parse(override.end),
        userId: override.userId,
        replaces: override.id,
        baseVersion: heldVersion(),
      });
      setState({ kind: 'idle' });
    },
    [heldVersion],
  );

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
    const base = draft?.baseVersion ?? null;
    const replaced = complete.replaces
      ? schedule.overrides.some((o) => o.id === complete.replaces)
      : false;
    // After a 409 the operator saw the schedule as it is: the override changed may be gone by
    // then, and the draft is saved as a new one (the form says so).
    if (complete.replaces && (replaced || base !== null)) {
      const outcome = await replaceOverride(
        transport,
        schedule,
        complete.replaces,
        complete,
        base ?? schedule.version,
      );
      if (outcome.state.kind === 'saved') setDraft(null);
      else if (outcome.deleted) setDraft((d) => d && { ...d, replaces: null, baseVersion: null });
      else if (outcome.state.kind === 'conflict') setDraft((d) => d && { ...d, baseVersion: null });
      return setState(outcome.state);
    }
    const next = await saveOverrideDraft(transport, schedule, {
      start: complete.start,
      end: complete.end,
      userId: complete.userId,
    });
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

  return { draft, state, edit, drag, change, discard, save, remove };
}

export type OverrideEditor = ReturnType<typeof useOverrideEditor>;

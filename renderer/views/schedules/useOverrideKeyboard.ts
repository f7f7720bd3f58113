import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CalendarWindow } from './calendarWindow.js';
import { sameRange, type TimeRange } from './overrideDrag.js';
import {
  cancelledChangeText,
  overrideKeyAction,
  pendingChangeText,
  steppedRange,
} from './overrideKeyboard.js';
import { draftOverrideId } from './overridePreview.js';
import type { DraggableOverride, OverrideChange } from './useOverrideDrag.js';

/** The block to focus once the lane has re-rendered: an override's (or the draft's), or a range. */
type FocusTarget = { readonly overrideId: string } | TimeRange;

interface Announcement {
  readonly text: string;
  /** The pending change it describes; null for a cancel, shown while there is no draft. */
  readonly range: TimeRange | null;
}

/**
 * Keys for the overrides lane (./overrideKeyboard.ts): with an override's block focused, ←/→ and
 * PageUp/PageDown move it and Shift+←/→ its end, each step going to `onChange` as a drag's does,
 * so the final lane previews it; Enter saves (`onSave`, the drag's path), Escape cancels. The
 * moved block is focused again after each step (its element is new), and `announcement` says
 * what is pending, for an `aria-live` region. `onReveal` pages to a change moved out of view.
 */
export function useOverrideKeyboard(options: {
  win: CalendarWindow;
  find: (id: string) => DraggableOverride | null;
  onChange: ((change: OverrideChange) => void) | null;
  onSave: () => void;
  onCancel: () => void;
  onReveal: (at: number) => void;
  userName: (userId: string) => string;
  /** The draft as the calendar previews it (complete), and the saved override it replaces. */
  draft: TimeRange | null;
  replaces: string | null;
}) {
  const { win, find, onChange } = options;
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const focusNext = useRef<FocusTarget | null>(null);
  const track = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    const lane = track.current;
    if (!target || !lane) return;
    const active = document.activeElement;
    // Only where the focus was lost with the old block: never taken from elsewhere.
    if (active && active !== document.body && !lane.contains(active)) {
      focusNext.current = null;
      return;
    }
    const selector =
      'overrideId' in target
        ? `[data-override-id="${CSS.escape(target.overrideId)}"]`
        : `[data-override-id][data-start="${new Date(target.start).toISOString()}"][data-end="${new Date(target.end).toISOString()}"]:not([data-draft])`;
    const block = lane.querySelector<HTMLElement>(selector);
    if (!block) return;
    if (block !== active) block.focus();
    focusNext.current = null;
  });

  const shown =
    announcement &&
    (announcement.range
      ? options.draft !== null && sameRange(options.draft, announcement.range)
      : options.draft === null)
      ? announcement.text
      : '';

  if (!onChange) return { handlers: undefined, announcement: shown };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const block = (event.target as HTMLElement).closest<HTMLElement>('[data-override-id]');
    const id = block?.dataset.overrideId ?? '';
    const target = block ? find(id) : null;
    const action = overrideKeyAction(event);
    if (!block || !target || !action) return;
    track.current = event.currentTarget;
    const isDraft = id === draftOverrideId;
    if (action.type === 'save' || action.type === 'cancel') {
      // On a saved override with nothing pending, Enter and Escape do what they do elsewhere.
      if (!isDraft) return;
      event.preventDefault();
      if (action.type === 'save') {
        focusNext.current = { start: target.start, end: target.end };
        setAnnouncement(null);
        options.onSave();
        return;
      }
      const original = options.replaces ? find(options.replaces) : null;
      focusNext.current = original ? { overrideId: original.id } : null;
      setAnnouncement({
        text: original
          ? cancelledChangeText(options.userName(original.userId), original, win.timeZone)
          : 'Draft discarded.',
        range: null,
      });
      options.onCancel();
      return;
    }
    event.preventDefault();
    const range = steppedRange(target, action, win.view, win.timeZone);
    if (sameRange(range, target)) return;
    onChange({ ...range, userId: target.userId, replaces: isDraft ? null : target.id });
    focusNext.current = { overrideId: draftOverrideId };
    setAnnouncement({
      text: pendingChangeText(action.type, options.userName(target.userId), range, win.timeZone),
      range,
    });
    if (range.end <= win.from || range.start >= win.to) options.onReveal(range.start);
  };
  return { handlers: { onKeyDown }, announcement: shown };
}

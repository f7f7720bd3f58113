import { useState, type PointerEvent } from 'react';
import type { CalendarWindow } from './calendarWindow.js';
import { instantAt, snapMinutes } from './laneLayout.js';
import {
  dragModeAt,
  draggedRange,
  sameRange,
  type OverrideDragMode,
  type TimeRange,
} from './overrideDrag.js';
import { draftOverrideId } from './overridePreview.js';

/** An override as a drag may take it: its range and who; `id` the saved one's or the draft's. */
export interface DraggableOverride extends TimeRange {
  readonly id: string;
  readonly userId: string;
}

/** What a drag makes of an override: the draft, changing (`replaces`) the saved one. */
export interface OverrideChange extends TimeRange {
  readonly userId: string;
  /** The saved override changed; null when the draft itself was dragged (it keeps its own). */
  readonly replaces: string | null;
}

interface Drag {
  readonly mode: OverrideDragMode;
  readonly target: DraggableOverride;
  readonly grabbedAt: number;
  readonly last: TimeRange;
}

/**
 * Pointer handlers for the overrides lane: dragging an override's block moves it, dragging
 * within a few pixels of an edge moves that edge (./overrideDrag.ts). Each snapped step goes to
 * `onChange` as a draft, so the final lane previews it while the pointer moves; nothing is saved
 * until the form's button. `find` gives the override behind a block's `data-override-id`.
 */
export function useOverrideDrag(
  win: CalendarWindow,
  find: (id: string) => DraggableOverride | null,
  onChange: ((change: OverrideChange) => void) | null,
) {
  const [drag, setDrag] = useState<Drag | null>(null);
  if (!onChange) return { handlers: undefined, dragging: null };

  const instantOf = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return instantAt((event.clientX - rect.left) / Math.max(1, rect.width), win.from, win.to);
  };
  const emit = (target: DraggableOverride, range: TimeRange) =>
    onChange({
      ...range,
      userId: target.userId,
      replaces: target.id === draftOverrideId ? null : target.id,
    });
  const follow = (event: PointerEvent<HTMLDivElement>, current: Drag): TimeRange => {
    const step = snapMinutes(win.view);
    return draggedRange(
      current.target,
      current.mode,
      current.grabbedAt,
      instantOf(event),
      step,
      win.timeZone,
    );
  };

  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLDivElement>) => {
      if (event.button !== 0) return;
      const block = (event.target as HTMLElement).closest<HTMLElement>('[data-override-id]');
      const target = block ? find(block.dataset.overrideId ?? '') : null;
      if (!block || !target) return;
      event.preventDefault();
      event.currentTarget.setPointerCapture?.(event.pointerId);
      const rect = block.getBoundingClientRect();
      setDrag({
        mode: dragModeAt(event.clientX - rect.left, rect.width),
        target,
        grabbedAt: instantOf(event),
        last: target,
      });
    },
    onPointerMove: (event: PointerEvent<HTMLDivElement>) => {
      if (!drag) return;
      const range = follow(event, drag);
      if (sameRange(range, drag.last)) return;
      setDrag({ ...drag, last: range });
      emit(drag.target, range);
    },
    onPointerUp: (event: PointerEvent<HTMLDivElement>) => {
      if (!drag) return;
      const range = follow(event, drag);
      setDrag(null);
      if (!sameRange(range, drag.last)) emit(drag.target, range);
    },
    onPointerCancel: () => setDrag(null),
  };
  return { handlers, dragging: drag?.mode ?? null };
}

import type { Rect, WindowPlacement } from '../../shared/ipc/desktopSettings.js';

/** A monitor as Electron's `screen` describes it (only what placement needs). */
export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rect;
  /** The bounds minus task bars and docks. */
  readonly workArea: Rect;
  readonly primary: boolean;
}

export interface Placement {
  readonly displayId: number;
  readonly bounds: Rect;
  /** The saved display is gone: the window was put on the primary one instead. */
  readonly fellBack: boolean;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

function primaryOf(displays: readonly DisplayInfo[]): DisplayInfo {
  const display = displays.find((d) => d.primary) ?? displays[0];
  if (!display) throw new Error('No display: Electron reported none.');
  return display;
}

function centred(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/** Moves and shrinks `bounds` until it lies inside `area` (a window never opens off-screen). */
export function fitInto(bounds: Rect, area: Rect): Rect {
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    x: clamp(bounds.x, area.x, area.x + area.width - width),
    y: clamp(bounds.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/**
 * Where a normal window (the console) opens (pure): on the display it was on, with its saved
 * bounds kept inside that display's work area; on the primary display, centred, when there is
 * no saved placement or its display is gone (unplugged monitor, changed dock).
 */
export function placeWindow(
  displays: readonly DisplayInfo[],
  saved: WindowPlacement | null,
  size: { readonly width: number; readonly height: number },
): Placement {
  const display =
    saved?.displayId != null ? displays.find((d) => d.id === saved.displayId) : undefined;
  if (display) {
    const bounds = saved?.bounds
      ? fitInto(saved.bounds, display.workArea)
      : centred(display.workArea, size);
    return { displayId: display.id, bounds, fellBack: false };
  }
  const primary = primaryOf(displays);
  return {
    displayId: primary.id,
    bounds: centred(primary.workArea, size),
    fellBack: saved?.displayId != null,
  };
}

/**
 * Where a wall window opens (pure): it covers a whole display, so only the display matters — the
 * saved one, else the requested one, else the primary.
 */
export function placeWallWindow(
  displays: readonly DisplayInfo[],
  displayId: number | null,
): Placement {
  const display = displayId !== null ? displays.find((d) => d.id === displayId) : undefined;
  const chosen = display ?? primaryOf(displays);
  return { displayId: chosen.id, bounds: chosen.bounds, fellBack: displayId !== null && !display };
}

/** The display a window is mostly on, to save with its bounds. */
export function displayOf(displays: readonly DisplayInfo[], bounds: Rect): DisplayInfo {
  let best = primaryOf(displays);
  let bestArea = -1;
  for (const display of displays) {
    const b = display.bounds;
    const w = Math.min(b.x + b.width, bounds.x + bounds.width) - Math.max(b.x, bounds.x);
    const h = Math.min(b.y + b.height, bounds.y + bounds.height) - Math.max(b.y, bounds.y);
    const area = w > 0 && h > 0 ? w * h : 0;
    if (area > bestArea) {
      best = display;
      bestArea = area;
    }
  }
  return best;
}

import type { WallWindowSetting } from '../../../shared/ipc/desktopSettings.js';
import type { DisplayView } from '../../../shared/ipc/ipcViews.js';

/** `Display 2 — 1920×1080, primary, 1 wall`. */
export function displayLabel(display: DisplayView, walls: readonly WallWindowSetting[]): string {
  const count = walls.filter((w) => w.displayId === display.id).length;
  const parts = [
    `${display.bounds.width}×${display.bounds.height}`,
    ...(display.primary ? ['primary'] : []),
    ...(count > 0 ? [`${count} wall${count > 1 ? 's' : ''}`] : []),
  ];
  return `${display.label || `Display ${display.id}`} — ${parts.join(', ')}`;
}

/** The display proposed for a new wall: one without a wall yet, not the console's primary. */
export function proposedDisplay(
  displays: readonly DisplayView[],
  walls: readonly WallWindowSetting[],
): number | null {
  const free = displays.filter((d) => !walls.some((w) => w.displayId === d.id));
  const pick = free.find((d) => !d.primary) ?? free[0] ?? displays[0];
  return pick?.id ?? null;
}

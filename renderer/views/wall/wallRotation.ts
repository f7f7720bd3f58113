/** The wall's panels, in the order they rotate. */
export const wallPanels = ['alerts', 'onCall', 'states'] as const;
export type WallPanel = (typeof wallPanels)[number];

/**
 * The panel shown at `now`: a function of the one ticking clock (no timer of its own), so a
 * wall that ran for days, was put to sleep or lost its connection is simply at the right panel.
 * Panels with nothing to show are skipped; with no rotation, or one panel, the first is shown.
 */
export function panelAt(
  panels: readonly WallPanel[],
  startedAt: number,
  now: number,
  rotateSeconds: number,
): WallPanel {
  if (panels.length === 0) return 'alerts';
  if (rotateSeconds <= 0 || panels.length === 1) return panels[0]!;
  const turns = Math.floor(Math.max(0, now - startedAt) / (rotateSeconds * 1000));
  return panels[turns % panels.length]!;
}

/** Seconds until the next panel (for the small progress indicator). */
export function secondsToNextPanel(startedAt: number, now: number, rotateSeconds: number): number {
  if (rotateSeconds <= 0) return 0;
  const periodMs = rotateSeconds * 1000;
  return Math.ceil((periodMs - (Math.max(0, now - startedAt) % periodMs)) / 1000);
}

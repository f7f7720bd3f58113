import type { Route, RouteName } from './routes.js';

export interface NavSection {
  readonly route: Route;
  readonly label: string;
  readonly matches: readonly RouteName[];
  /** Only in the desktop app (offline planning lives there). */
  readonly desktopOnly?: boolean;
  /** Only with at least this many engines in the desktop app (All engines needs two). */
  readonly minEngines?: number;
}

/** The header's sections, in order. */
export const navSections: readonly NavSection[] = [
  { route: { name: 'alerts' }, label: 'Alerts', matches: ['alerts', 'alert'] },
  { route: { name: 'schedules' }, label: 'Schedules', matches: ['schedules', 'schedule'] },
  { route: { name: 'planning' }, label: 'Planning', matches: ['planning'], desktopOnly: true },
  {
    route: { name: 'allEngines' },
    label: 'All engines',
    matches: ['allEngines'],
    desktopOnly: true,
    minEngines: 2,
  },
  { route: { name: 'wall' }, label: 'Wall', matches: ['wall'] },
  { route: { name: 'manage' }, label: 'Manage', matches: ['manage'] },
  { route: { name: 'settings' }, label: 'Settings', matches: ['settings'] },
];

/** The sections to show: `engineCount` is the desktop app's engines, null in a browser. */
export function visibleSections(engineCount: number | null): readonly NavSection[] {
  return navSections.filter((section) =>
    engineCount === null ? !section.desktopOnly : engineCount >= (section.minEngines ?? 0),
  );
}

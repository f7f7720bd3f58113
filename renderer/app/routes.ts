/**
 * The console's routes. The engine answers every one of these paths with the console
 * (engine/http/routes/consoleRoutes.ts), so each can be bookmarked and reloaded.
 */
export type Route =
  | { readonly name: 'alerts' }
  | { readonly name: 'alert'; readonly id: string }
  | { readonly name: 'schedules' }
  | { readonly name: 'schedule'; readonly id: string }
  | { readonly name: 'wall' }
  | { readonly name: 'manage'; readonly section?: ManageSection }
  | { readonly name: 'settings' }
  /** Offline schedule planning: the desktop app's drafts and conflicts (a sentence in a browser). */
  | { readonly name: 'planning' }
  /** Every engine of the desktop app in one table (a sentence in a browser). */
  | { readonly name: 'allEngines' }
  | { readonly name: 'notFound'; readonly path: string };

export type RouteName = Route['name'];

/** The pages of `/manage`: `/manage/alert-sources`, …; `/manage` alone shows the first. */
export const manageSections = ['alert-sources', 'escalation-policies', 'users', 'teams'] as const;
export type ManageSection = (typeof manageSections)[number];

/** A path (`/alerts/42`, with or without query or hash) → its route. */
export function parseRoute(path: string): Route {
  const clean = path.split(/[?#]/)[0]!.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/alerts') return { name: 'alerts' };
  const alert = /^\/alerts\/(\d{1,15})$/.exec(clean);
  if (alert) return { name: 'alert', id: alert[1]! };
  const schedule = /^\/schedules\/([^/]{1,200})$/.exec(clean);
  if (schedule) return { name: 'schedule', id: safeDecode(schedule[1]!) };
  const manage = /^\/manage\/([a-z-]+)$/.exec(clean);
  const section = manageSections.find((s) => s === manage?.[1]);
  if (section) return { name: 'manage', section };
  switch (clean) {
    case '/schedules':
      return { name: 'schedules' };
    case '/wall':
      return { name: 'wall' };
    case '/manage':
      return { name: 'manage' };
    case '/settings':
      return { name: 'settings' };
    case '/planning':
      return { name: 'planning' };
    case '/all-engines':
      return { name: 'allEngines' };
    default:
      return { name: 'notFound', path: clean };
  }
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'alerts':
      return '/';
    case 'alert':
      return `/alerts/${encodeURIComponent(route.id)}`;
    case 'schedule':
      return `/schedules/${encodeURIComponent(route.id)}`;
    case 'notFound':
      return route.path;
    case 'manage':
      return route.section ? `/manage/${route.section}` : '/manage';
    case 'allEngines':
      return '/all-engines';
    default:
      return `/${route.name}`;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return routePath(a) === routePath(b);
}

/** Routes that show without the navigation chrome (a wall screen shows nothing else). */
export function isChromeless(route: Route): boolean {
  return route.name === 'wall';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

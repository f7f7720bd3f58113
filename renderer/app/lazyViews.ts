import { lazy } from 'react';

/**
 * The views besides the queue, each in its own chunk: the first screen (the queue) loads and
 * starts the stream without parsing the Markdown renderer, the calendar, the manage forms, the
 * planning view or the wall. The chunks are fetched once the queue is up ({@link prefetchViews}),
 * so opening a view later does not wait for the network either.
 */
const loaders = {
  alertDetail: () => import('../views/alertDetail/AlertDetailView.js'),
  allEngines: () => import('../views/allEngines/AllEnginesView.js'),
  manage: () => import('../views/manage/ManageView.js'),
  planning: () => import('../views/planning/PlanningView.js'),
  schedules: () => import('../views/schedules/SchedulesView.js'),
  scheduleCalendar: () => import('../views/schedules/ScheduleCalendarView.js'),
  settings: () => import('../views/settings/SettingsView.js'),
  wall: () => import('../views/wall/WallView.js'),
};

export const AlertDetailView = lazy(async () => ({
  default: (await loaders.alertDetail()).AlertDetailView,
}));
export const AllEnginesView = lazy(async () => ({
  default: (await loaders.allEngines()).AllEnginesView,
}));
export const ManageView = lazy(async () => ({ default: (await loaders.manage()).ManageView }));
export const PlanningView = lazy(async () => ({
  default: (await loaders.planning()).PlanningView,
}));
export const SchedulesView = lazy(async () => ({
  default: (await loaders.schedules()).SchedulesView,
}));
export const ScheduleCalendarView = lazy(async () => ({
  default: (await loaders.scheduleCalendar()).ScheduleCalendarView,
}));
export const SettingsView = lazy(async () => ({
  default: (await loaders.settings()).SettingsView,
}));
export const WallView = lazy(async () => ({ default: (await loaders.wall()).WallView }));

let prefetched = false;

/** What prefetching needs of the page: an idle callback (a timer where there is none). */
export interface IdleHost {
  requestIdleCallback?(callback: () => void, options?: { timeout: number }): number;
  setTimeout(callback: () => void, ms: number): unknown;
}

/**
 * Fetches every view's chunk in the background (once), one chunk per idle moment: compiling and
 * running all of them in one go was a task of ~60 ms on a busy machine, long enough to
 * delay a keystroke or a frame of the live queue. A failure is retried on navigation.
 */
export async function prefetchViews(
  host: IdleHost = globalThis as unknown as IdleHost,
): Promise<void> {
  if (prefetched) return;
  prefetched = true;
  const idle = () =>
    new Promise<void>((resolve) => {
      if (host.requestIdleCallback) host.requestIdleCallback(() => resolve(), { timeout: 2000 });
      else host.setTimeout(resolve, 0);
    });
  for (const load of Object.values(loaders)) {
    await idle();
    await load().catch(() => undefined);
  }
}

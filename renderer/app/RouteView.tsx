import { Suspense, useEffect } from 'react';
import { NotFoundView } from '../views/notFound/NotFoundView.js';
import { QueueView } from '../views/queue/QueueView.js';
import {
  AlertDetailView,
  AllEnginesView,
  ManageView,
  PlanningView,
  prefetchViews,
  ScheduleCalendarView,
  SchedulesView,
  SettingsView,
  WallView,
} from './lazyViews.js';
import type { Route } from './routes.js';
import { useAppStore } from './services.js';

/** After the first screen is up, the other views' chunks load while the operator reads it. */
const prefetchDelayMs = 1500;

/** The view of the current route. A new view: a route in ./routes.ts and a case here. */
export function RouteView() {
  const route = useAppStore((s) => s.ui.route);
  useEffect(() => {
    const timer = setTimeout(() => void prefetchViews(), prefetchDelayMs);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Suspense fallback={<p className="route-loading">Loading…</p>}>
      <CurrentView route={route} />
    </Suspense>
  );
}

function CurrentView({ route }: { route: Route }) {
  switch (route.name) {
    case 'alerts':
      return <QueueView />;
    case 'alert':
      return <AlertDetailView id={route.id} />;
    case 'schedules':
      return <SchedulesView />;
    case 'schedule':
      return <ScheduleCalendarView id={route.id} />;
    case 'wall':
      return <WallView />;
    case 'manage':
      return <ManageView section={route.section ?? 'alert-sources'} />;
    case 'settings':
      return <SettingsView />;
    case 'planning':
      return <PlanningView />;
    case 'allEngines':
      return <AllEnginesView />;
    case 'notFound':
      return <NotFoundView path={route.path} />;
  }
}

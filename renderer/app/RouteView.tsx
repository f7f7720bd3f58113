import { AlertDetailView } from '../views/alertDetail/AlertDetailView.js';
import { ManageView } from '../views/manage/ManageView.js';
import { NotFoundView } from '../views/notFound/NotFoundView.js';
import { QueueView } from '../views/queue/QueueView.js';
import { ScheduleCalendarView } from '../views/schedules/ScheduleCalendarView.js';
import { SchedulesView } from '../views/schedules/SchedulesView.js';
import { SettingsView } from '../views/settings/SettingsView.js';
import { WallView } from '../views/wall/WallView.js';
import { useAppStore } from './services.js';

/** The view of the current route. A new view: a route in ./routes.ts and a case here. */
export function RouteView() {
  const route = useAppStore((s) => s.ui.route);
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
    case 'notFound':
      return <NotFoundView path={route.path} />;
  }
}

import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { CalendarExport } from './calendarExport.js';
import { CalendarFeedService } from './calendarFeedService.js';
import { OverrideService } from './overrideService.js';
import { ResolverCache } from './resolverCache.js';
import { ScheduleQueries } from './scheduleQueries.js';
import { ScheduleService } from './scheduleService.js';

/** Everything about on-call schedules the routes reach (issue #3), sharing one resolver cache. */
export interface ScheduleServices {
  readonly schedules: ScheduleService;
  readonly overrides: OverrideService;
  readonly queries: ScheduleQueries;
  readonly feeds: CalendarFeedService;
  readonly calendars: CalendarExport;
}

export function createScheduleServices(store: Store, clock: Clock): ScheduleServices {
  const resolvers = new ResolverCache();
  return {
    schedules: new ScheduleService(store, clock),
    overrides: new OverrideService(store, clock),
    queries: new ScheduleQueries(store, clock, resolvers),
    feeds: new CalendarFeedService(store, clock),
    calendars: new CalendarExport(store, clock, resolvers),
  };
}

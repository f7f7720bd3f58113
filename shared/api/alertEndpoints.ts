import { z } from 'zod';
import { AlertLogEntry } from '../domain/alert.js';
import { AlertTimeline } from '../escalation/timelineModel.js';
import { endpoint, pathTo } from './endpoint.js';

/** A page of an alert's log, oldest first; `nextCursor` null on the last page. */
export const AlertLogPage = z.object({
  items: z.array(AlertLogEntry),
  nextCursor: z.string().nullable(),
});
export type AlertLogPage = z.infer<typeof AlertLogPage>;

/** REST calls about one alert that the browser transport and the desktop app both make. */
export const alertEndpoints = {
  /** What escalation did and will do (docs/escalation.md, "The timeline"). */
  getTimeline: (id: string) =>
    endpoint('GET', `${pathTo('/api/v1/alerts', id)}/timeline`, AlertTimeline),
  /** The log entries after `cursor` (a `nextCursor` the engine gave out): up to 200. */
  getAlertLog: (id: string, cursor: string) =>
    endpoint(
      'GET',
      `${pathTo('/api/v1/alerts', id)}/log?cursor=${encodeURIComponent(cursor)}`,
      AlertLogPage,
    ),
} as const;

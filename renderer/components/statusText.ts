import { formatClock } from '../format/clock.js';
import type { ConnectionInfo } from '../state/connectionSlice.js';

/**
 * The status pill's words: what an operator must know at a glance about the data shown.
 * `timeZone` defaults to the viewer's.
 */
export function statusText(connection: ConnectionInfo, timeZone?: string): string {
  switch (connection.state) {
    case 'live':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'stale':
      return 'Reconnecting…';
    case 'offline': {
      if (connection.sync === 'unauthorized') return 'Signed out: token refused';
      if (connection.sync === 'stopped') return 'Offline';
      const since = formatClock(connection.lastLiveAt ?? connection.since, timeZone);
      return `Offline since ${since} · reconnecting…`;
    }
  }
}

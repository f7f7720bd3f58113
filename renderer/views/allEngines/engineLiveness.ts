import type { EngineView } from '../../../shared/ipc/ipcViews.js';

/** How an engine's stream reads in the All engines header. */
export type EngineLiveness = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * The stream's state (or, before the stream said anything, main's `EngineView.status`) in the
 * four words the header shows: data not there yet, current, stale while retrying, or given up.
 */
export function engineLiveness(status: EngineView['status']): EngineLiveness {
  switch (status) {
    case 'live':
      return 'live';
    case 'reconnecting':
      return 'reconnecting';
    case 'connecting':
    case 'syncing':
    case 'starting':
      return 'connecting';
    case 'unauthorized':
    case 'stopped':
    case 'failed':
      return 'offline';
  }
}

export const livenessText: Record<EngineLiveness, string> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  offline: 'offline',
};

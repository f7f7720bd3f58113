import { describe, expect, it } from 'vitest';
import {
  connectionStateOf,
  initialConnection,
  nextConnection,
} from '../../renderer/state/connectionSlice.js';
import { statusText } from '../../renderer/components/statusText.js';
import type { SyncStatus } from '../../shared/sync/syncStatus.js';
import { now } from './fixtures.js';

const status = (s: SyncStatus['status'], more: Partial<SyncStatus> = {}): SyncStatus => ({
  status: s,
  since: now,
  lastLiveAt: null,
  ...more,
});
const lost = { code: 'connection_lost', message: 'The connection to the engine was lost.' };
const unreachable = { code: 'connect_failed', message: 'The engine could not be reached.' };

describe('the connection state shown to the operator', () => {
  it.each([
    ['connecting', {}, false, 'connecting'],
    ['connecting', { error: unreachable }, false, 'offline'],
    ['syncing', {}, false, 'connecting'],
    ['syncing', {}, true, 'stale'],
    ['live', {}, true, 'live'],
    ['reconnecting', { error: lost }, true, 'stale'],
    ['reconnecting', { error: unreachable }, true, 'offline'],
    ['unauthorized', {}, true, 'offline'],
    ['stopped', {}, false, 'offline'],
  ] as const)('%s %o (data held: %s) → %s', (s, more, hasData, expected) => {
    expect(connectionStateOf(status(s, more), hasData)).toBe(expected);
  });

  it('keeps `since` while the state stays, and says since when it is offline', () => {
    const live = nextConnection(initialConnection(now - 60_000), status('live'), true, now);
    expect(live).toMatchObject({ state: 'live', since: now, lastLiveAt: now, error: null });
    const dropped = nextConnection(
      live,
      status('reconnecting', { error: lost, lastLiveAt: now + 1000 }),
      true,
      now + 1000,
    );
    expect(dropped).toMatchObject({ state: 'stale', since: now + 1000, error: lost });
    const failed = nextConnection(
      dropped,
      status('reconnecting', { error: unreachable, retryInMs: 2000 }),
      true,
      now + 3000,
    );
    const again = nextConnection(
      failed,
      status('reconnecting', { error: unreachable }),
      true,
      now + 9000,
    );
    expect(again).toMatchObject({ state: 'offline', since: now + 3000, lastLiveAt: now + 1000 });
    expect(statusText(again, 'UTC')).toBe('Offline since 09:14 · reconnecting…');
    expect(statusText(again, 'Europe/Berlin')).toBe('Offline since 10:14 · reconnecting…');
    expect(statusText(dropped)).toBe('Reconnecting…');
    expect(statusText(live)).toBe('Live');
    expect(statusText({ ...again, sync: 'unauthorized' })).toBe('Signed out: token refused');
  });
});

import { describe, expect, it } from 'vitest';
import type { NotificationMessage } from '../../shared/protocol/messages.js';
import { createSyncClient } from '../../shared/sync/syncClient.js';
import {
  alertChange,
  alertSummary,
  delta,
  FakeConnector,
  FakeScheduler,
  RecordingListener,
  snapshotPart,
} from '../helpers/streamFakes.js';

const notification: NotificationMessage = {
  type: 'notification',
  id: 'nocturne-page-42-2-0-0-1795856400000-7',
  userId: '2',
  kind: 'alert',
  alertId: '42',
  scheduleId: null,
  title: 'HIGH: Disk full on db-1',
  body: 'Source: Prometheus',
  priority: 'HIGH',
  at: '2026-11-28T09:00:00.000Z',
};

/** Notifications reach the sync client's host, outside the sequence (docs/protocol.md). */
describe('sync client: notifications', () => {
  function setup() {
    const connector = new FakeConnector();
    const listener = new RecordingListener();
    const notified: NotificationMessage[] = [];
    const client = createSyncClient({
      connect: connector.connect,
      listener: Object.assign(listener, {
        onNotification: (n: NotificationMessage) => notified.push(n),
      }),
      scheduler: new FakeScheduler(),
      random: () => 0.5,
    });
    client.start();
    connector.last.open();
    return { connector, listener, client, notified };
  }

  it('hands notifications to onNotification without moving the position', () => {
    const { connector, listener, client, notified } = setup();
    connector.last.receive(snapshotPart('s1', 10, 0, true, [alertSummary('1')]));
    connector.last.receive(notification);
    connector.last.receive(delta(10, 11, [alertChange('1', { state: 'ACCEPTED' })]));
    expect(notified).toEqual([notification]);
    expect(listener.changes).toHaveLength(1);
    expect(client.position).toEqual({ streamId: 's1', seq: 11 });
    expect(client.status.status).toBe('live');
  });

  it('takes a notification while the snapshot is still on its way', () => {
    const { connector, client, notified } = setup();
    connector.last.receive(snapshotPart('s1', 10, 0, false, [alertSummary('1')]));
    connector.last.receive(notification);
    connector.last.receive(snapshotPart('s1', 10, 1, true, [alertSummary('2')]));
    expect(notified).toHaveLength(1);
    expect(client.status.status).toBe('live');
  });

  it('is optional: a host without onNotification just does not see them', () => {
    const connector = new FakeConnector();
    const client = createSyncClient({
      connect: connector.connect,
      listener: new RecordingListener(),
      scheduler: new FakeScheduler(),
    });
    client.start();
    connector.last.open();
    connector.last.receive(snapshotPart('s1', 10, 0, true, []));
    connector.last.receive(notification);
    expect(client.status.status).toBe('live');
  });
});

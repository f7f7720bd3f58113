import type { HeartbeatMonitorRecord, NewHeartbeatMonitor } from '../records.js';

export interface HeartbeatMonitorsReader {
  get(id: number): Promise<HeartbeatMonitorRecord | null>;
  /** The monitor whose ping URL carries this key (compared exactly). */
  getByKey(key: string): Promise<HeartbeatMonitorRecord | null>;
  /** Ordered by id. */
  list(): Promise<HeartbeatMonitorRecord[]>;
  listBySource(alertSourceId: number): Promise<HeartbeatMonitorRecord[]>;
  /** How many monitors are in each status (metrics). */
  countByStatus(): Promise<Record<string, number>>;
}

export interface HeartbeatMonitorsRepo extends HeartbeatMonitorsReader {
  insert(monitor: NewHeartbeatMonitor): Promise<HeartbeatMonitorRecord>;
  update(
    id: number,
    patch: Partial<Omit<HeartbeatMonitorRecord, 'id' | 'createdAt'>>,
  ): Promise<HeartbeatMonitorRecord>;
  /** Deletes the row: its key stops working; ids are never reused. */
  remove(id: number): Promise<void>;
}

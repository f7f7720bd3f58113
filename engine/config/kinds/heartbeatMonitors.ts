import { z } from 'zod';
import {
  CreateHeartbeatMonitorRequest,
  heartbeatLimits,
} from '../../../shared/api/heartbeatMonitors.js';
import { HeartbeatMonitor } from '../../../shared/domain/heartbeatMonitor.js';
import type { ConfigKind, ConfigNames } from '../configKind.js';
import { defined, missing, nameRef } from './entryFields.js';

/**
 * `heartbeatMonitors:` — the jobs that must ping Nocturne (docs/heartbeats.md): the alert source
 * (by name) their overdue alerts open on, the interval and the grace. The ping key is a secret:
 * never exported; a monitor created by apply gets a new one. Pausing is operational (like a
 * schedule's overrides): apply neither pauses nor resumes a monitor.
 */

const shape = CreateHeartbeatMonitorRequest.shape;

const MonitorEntry = z.strictObject({
  name: shape.name,
  alertSource: nameRef,
  intervalSeconds: shape.intervalSeconds,
  graceSeconds: shape.graceSeconds,
});
type MonitorEntry = z.output<typeof MonitorEntry>;

const base = '/api/v1/heartbeat-monitors';

export const heartbeatMonitorsKind: ConfigKind<MonitorEntry, HeartbeatMonitor> = {
  section: 'heartbeatMonitors',
  noun: 'heartbeat monitor',
  entry: MonitorEntry,

  keyOf: (entry) => entry.name,
  references: (entry) => [{ kind: 'alertSources', key: entry.alertSource, path: ['alertSource'] }],
  withReferences: (entry, spell) => ({
    ...entry,
    alertSource: spell('alertSources', entry.alertSource),
  }),

  async list(api) {
    const { items } = await api.get(base, z.object({ items: z.array(HeartbeatMonitor) }));
    return items.map((monitor) => ({ id: monitor.id, key: monitor.name, value: monitor }));
  },

  toConfig: (monitor, names) =>
    defined({
      name: monitor.name,
      alertSource:
        names.keyOf('alertSources', monitor.alertSourceId) ??
        missing('alert source', monitor.alertSourceId),
      intervalSeconds: monitor.intervalSeconds,
      graceSeconds:
        monitor.graceSeconds === heartbeatLimits.defaultGraceSeconds
          ? undefined
          : monitor.graceSeconds,
    }),

  async create(api, desired, names) {
    return (await api.post(base, monitorBody(desired, names), HeartbeatMonitor)).id;
  },

  async update(api, current, desired, before, names) {
    // Only the fields that differ, as a person would change them.
    const body = monitorBody(desired, names);
    const patch = defined({
      name: desired.name === before.name ? undefined : body.name,
      alertSourceId: desired.alertSource === before.alertSource ? undefined : body.alertSourceId,
      intervalSeconds:
        desired.intervalSeconds === before.intervalSeconds ? undefined : body.intervalSeconds,
      graceSeconds: desired.graceSeconds === before.graceSeconds ? undefined : body.graceSeconds,
    });
    await api.patch(`${base}/${current.id}`, patch, HeartbeatMonitor);
  },

  remove: (api, current) => api.remove(`${base}/${current.id}`),

  deleteNote: () => 'its ping URL stops working',
};

function monitorBody(entry: MonitorEntry, names: ConfigNames) {
  return {
    name: entry.name,
    alertSourceId: names.idOf('alertSources', entry.alertSource),
    intervalSeconds: entry.intervalSeconds,
    graceSeconds: entry.graceSeconds,
  };
}

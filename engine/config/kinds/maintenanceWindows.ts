import { z } from 'zod';
import { MaintenanceWindowResponse } from '../../../shared/api/maintenanceWindows.js';
import { everyDay, MaintenanceSchedule } from '../../../shared/maintenance/maintenanceModel.js';
import type { ConfigKind, ConfigNames } from '../configKind.js';
import { defined, missing, nameRef, sortedBy, unique } from './entryFields.js';

/**
 * `maintenanceWindows:` — when alerts of some alert sources page nobody (docs/maintenance.md):
 * the sources by name and the schedule, one-off `{kind: once, start, end}` or recurring
 * `{kind: recurring, timeZone, days, startTime, durationMinutes, seriesStart, seriesEnd}`, in the
 * API's own model (shared/maintenance), so the engine's rules and messages apply unchanged.
 */

const WindowEntry = z.strictObject({
  name: nameRef,
  /** The alert sources that go quiet, by name; the order written does not count. */
  alertSources: z
    .array(nameRef)
    .min(1, 'a window needs at least one alert source')
    .superRefine(unique((name) => name, 'this alert source'))
    .transform(sortedBy((name: string) => name.toLowerCase())),
  schedule: MaintenanceSchedule,
});
type WindowEntry = z.output<typeof WindowEntry>;

const base = '/api/v1/maintenance-windows';

export const maintenanceWindowsKind: ConfigKind<WindowEntry, MaintenanceWindowResponse> = {
  section: 'maintenanceWindows',
  noun: 'maintenance window',
  entry: WindowEntry,

  keyOf: (entry) => entry.name,
  references: (entry) =>
    entry.alertSources.map((key, i) => ({ kind: 'alertSources', key, path: ['alertSources', i] })),
  withReferences: (entry, spell) => ({
    ...entry,
    alertSources: entry.alertSources.map((key) => spell('alertSources', key)),
  }),

  async list(api) {
    const { items } = await api.get(base, z.object({ items: z.array(MaintenanceWindowResponse) }));
    return items.map((window) => ({ id: window.id, key: window.name, value: window }));
  },

  toConfig: (window, names) => ({
    name: window.name,
    alertSources: window.alertSourceIds.map(
      (id) => names.keyOf('alertSources', id) ?? missing('alert source', id),
    ),
    schedule: withoutDefaults(window.schedule),
  }),

  async create(api, desired, names) {
    return (await api.post(base, windowBody(desired, names), MaintenanceWindowResponse)).id;
  },

  async update(api, current, desired, _before, names) {
    // A PATCH replaces what it names; the whole definition keeps the engine's check in one place.
    await api.patch(`${base}/${current.id}`, windowBody(desired, names), MaintenanceWindowResponse);
  },

  remove: (api, current) => api.remove(`${base}/${current.id}`),

  deleteNote: () => 'its sources page as usual again',
};

function windowBody(entry: WindowEntry, names: ConfigNames) {
  return {
    name: entry.name,
    alertSourceIds: entry.alertSources.map((name) => names.idOf('alertSources', name)),
    schedule: entry.schedule,
  };
}

/** A schedule as a file would write it: a daily window without its seven days, open ends left out. */
function withoutDefaults(schedule: MaintenanceSchedule) {
  if (schedule.kind === 'once') return schedule;
  return defined({
    ...schedule,
    days: schedule.days.length === everyDay.length ? undefined : schedule.days,
    seriesStart: schedule.seriesStart ?? undefined,
    seriesEnd: schedule.seriesEnd ?? undefined,
  });
}

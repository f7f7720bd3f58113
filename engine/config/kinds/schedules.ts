import { z } from 'zod';
import {
  LayerDraft,
  ScheduleListResponse,
  ScheduleResponse,
} from '../../../shared/api/schedules.js';
import { scheduleLimits } from '../../../shared/schedule/scheduleLimits.js';
import { Instant, Layer } from '../../../shared/schedule/scheduleModel.js';
import { validateSchedule } from '../../../shared/schedule/scheduleValidation.js';
import { withLayerIds } from '../../schedules/scheduleDraft.js';
import { normalKey, type ConfigKind, type EntryProblem } from '../configKind.js';
import { defined, missing, nameRef, userRef } from './entryFields.js';

/**
 * `schedules:` — on-call schedules: a time zone and layers whose rotations name users by email
 * (docs/schedules.md has the model). Overrides are operational ("take this shift"), made by
 * people as they go: configuration leaves them alone, and a change keeps them (a PUT without
 * `overrides`).
 */

const layerShape = Layer.unwrap().shape;

const LayerEntry = LayerDraft.omit({ userIds: true }).extend({
  /** Left out: `layer-<position>`, as the engine names it. Ids keep calendar events stable. */
  id: layerShape.id,
  end: Instant.nullable().default(null),
  /** The rotation, in order, by email; a user may appear more than once. */
  users: z
    .array(userRef)
    .min(1, 'a layer needs at least one user in its rotation')
    .max(scheduleLimits.maxUsersPerLayer),
  restrictions: layerShape.restrictions.default([]),
});
type LayerEntry = z.output<typeof LayerEntry>;

const ScheduleEntry = z.strictObject({
  name: nameRef,
  timeZone: z.string({ error: 'an IANA time zone such as Europe/Berlin' }),
  layers: z.preprocess(withLayerIds, z.array(LayerEntry)),
});
type ScheduleEntry = z.output<typeof ScheduleEntry>;

const base = '/api/v1/schedules';

/** A layer as the API takes it: users by id. */
const layerBody = (layer: LayerEntry, userId: (email: string) => string) => ({
  id: layer.id,
  name: layer.name,
  start: layer.start,
  end: layer.end,
  userIds: layer.users.map(userId),
  rotation: layer.rotation,
  restrictions: layer.restrictions,
});

/**
 * The model's own rules (shared/schedule, as the engine checks them), on the entry with short
 * stand-ins for the users: references are checked against the engine separately, and an email
 * is longer than the model's ids may be.
 */
function checkSchedule(entry: ScheduleEntry): EntryProblem[] {
  const standIns = new Map<string, string>();
  const standIn = (email: string) => {
    const key = normalKey(email);
    if (!standIns.has(key)) standIns.set(key, `u${standIns.size + 1}`);
    return standIns.get(key)!;
  };
  const model = {
    id: 'config',
    name: entry.name,
    timeZone: entry.timeZone,
    layers: entry.layers.map((layer) => layerBody(layer, standIn)),
    overrides: [],
    version: 1,
  };
  return validateSchedule(model, standIns.values()).map((problem) => ({
    path: problem.path
      .split('.')
      .filter((part) => part !== '')
      .map((part) => (part === 'userIds' ? 'users' : /^\d+$/.test(part) ? Number(part) : part)),
    severity: problem.severity,
    message: problem.message,
  }));
}

export const schedulesKind: ConfigKind<ScheduleEntry, ScheduleResponse> = {
  section: 'schedules',
  noun: 'schedule',
  entry: ScheduleEntry,

  keyOf: (entry) => entry.name,
  references: (entry) =>
    entry.layers.flatMap((layer, i) =>
      layer.users.map((user, j) => ({ kind: 'users', key: user, path: ['layers', i, 'users', j] })),
    ),
  withReferences: (entry, spell) => ({
    ...entry,
    layers: entry.layers.map((layer) => ({
      ...layer,
      users: layer.users.map((user) => spell('users', user)),
    })),
  }),
  check: checkSchedule,

  async list(api) {
    const { items } = await api.get(base, ScheduleListResponse);
    return items.map((schedule) => ({ id: schedule.id, key: schedule.name, value: schedule }));
  },

  toConfig: (schedule, names) => ({
    name: schedule.name,
    timeZone: schedule.timeZone,
    layers: schedule.layers.map((layer) =>
      defined({
        id: layer.id,
        name: layer.name,
        start: layer.start,
        end: layer.end ?? undefined,
        users: layer.userIds.map((id) => names.keyOf('users', id) ?? missing('user', id)),
        rotation: layer.rotation,
        restrictions: layer.restrictions.length > 0 ? layer.restrictions : undefined,
      }),
    ),
  }),

  async create(api, desired, names) {
    const body = {
      name: desired.name,
      timeZone: desired.timeZone,
      layers: desired.layers.map((l) => layerBody(l, (email) => names.idOf('users', email))),
    };
    return (await api.post(base, body, ScheduleResponse)).id;
  },

  async update(api, current, desired, _before, names) {
    // No `overrides`: the engine keeps the current ones. `version`: the one the plan compared.
    const body = {
      name: desired.name,
      timeZone: desired.timeZone,
      layers: desired.layers.map((l) => layerBody(l, (email) => names.idOf('users', email))),
      version: current.value.version,
    };
    await api.put(`${base}/${current.id}`, body, ScheduleResponse);
  },

  remove: (api, current) => api.remove(`${base}/${current.id}?version=${current.value.version}`),

  deleteNote: (current) =>
    current.value.overrides.length > 0
      ? `with its ${current.value.overrides.length} overrides; its calendar feeds stop working`
      : 'its calendar feeds stop working',
};

import { z } from 'zod';
import { CreateAlertSourceRequest } from '../../../shared/api/alertSources.js';
import { AlertSource } from '../../../shared/domain/alertSource.js';
import type { ConfigKind, ConfigNames } from '../configKind.js';
import { defined, missing, nameRef } from './entryFields.js';

/**
 * `alertSources:` — inbound integrations: the escalation policy their alerts follow (by name)
 * and their timeouts. The integration key is a secret: never exported; a source created by
 * apply gets a new one (`GET /api/v1/alert-sources`, or the console, shows it).
 */

const shape = CreateAlertSourceRequest.shape;
const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

const SourceEntry = z.strictObject({
  name: shape.name,
  escalationPolicy: nameRef.nullable().optional().transform(orNull),
  ackTimeoutMinutes: shape.ackTimeoutMinutes.transform(orNull),
  autoResolveMinutes: shape.autoResolveMinutes.transform(orNull),
});
type SourceEntry = z.output<typeof SourceEntry>;

const base = '/api/v1/alert-sources';

const sourceBody = (entry: SourceEntry, names: ConfigNames) => ({
  name: entry.name,
  escalationPolicyId:
    entry.escalationPolicy === null
      ? null
      : names.idOf('escalationPolicies', entry.escalationPolicy),
  ackTimeoutMinutes: entry.ackTimeoutMinutes,
  autoResolveMinutes: entry.autoResolveMinutes,
});

export const alertSourcesKind: ConfigKind<SourceEntry, AlertSource> = {
  section: 'alertSources',
  noun: 'alert source',
  entry: SourceEntry,

  keyOf: (entry) => entry.name,
  references: (entry) =>
    entry.escalationPolicy === null
      ? []
      : [{ kind: 'escalationPolicies', key: entry.escalationPolicy, path: ['escalationPolicy'] }],
  withReferences: (entry, spell) => ({
    ...entry,
    escalationPolicy:
      entry.escalationPolicy === null ? null : spell('escalationPolicies', entry.escalationPolicy),
  }),

  async list(api) {
    const { items } = await api.get(base, z.object({ items: z.array(AlertSource) }));
    return items.map((source) => ({ id: source.id, key: source.name, value: source }));
  },

  toConfig: (source, names) =>
    defined({
      name: source.name,
      escalationPolicy:
        source.escalationPolicyId === null
          ? undefined
          : (names.keyOf('escalationPolicies', source.escalationPolicyId) ??
            missing('escalation policy', source.escalationPolicyId)),
      ackTimeoutMinutes: source.ackTimeoutMinutes ?? undefined,
      autoResolveMinutes: source.autoResolveMinutes ?? undefined,
    }),

  async create(api, desired, names) {
    return (await api.post(base, sourceBody(desired, names), AlertSource)).id;
  },

  async update(api, current, desired, before, names) {
    // Only the fields that differ, as a person would change them.
    const body = sourceBody(desired, names);
    const patch = defined({
      name: desired.name === before.name ? undefined : body.name,
      escalationPolicyId:
        desired.escalationPolicy === before.escalationPolicy ? undefined : body.escalationPolicyId,
      ackTimeoutMinutes:
        desired.ackTimeoutMinutes === before.ackTimeoutMinutes ? undefined : body.ackTimeoutMinutes,
      autoResolveMinutes:
        desired.autoResolveMinutes === before.autoResolveMinutes
          ? undefined
          : body.autoResolveMinutes,
    });
    await api.patch(`${base}/${current.id}`, patch, AlertSource);
  },

  remove: (api, current) => api.remove(`${base}/${current.id}`),

  deleteNote: () => 'its open alerts are resolved and its integration key stops working',
};

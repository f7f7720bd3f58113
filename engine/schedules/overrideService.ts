import type { ScheduleResponse } from '../../shared/api/schedules.js';
import type { Override } from '../../shared/schedule/scheduleModel.js';
import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import { toScheduleModel } from '../wire.js';
import type { BaseVersionSpec } from './baseVersion.js';
import { withNewOverride } from './overrideDraft.js';
import { contentOf } from './scheduleDraft.js';
import { overrideNotFound } from './scheduleErrors.js';
import { checkBase, knownUserIds, requireSchedule, saveChange } from './scheduleTx.js';

/**
 * Overrides ("take this shift", shift swaps), which responders may add and remove without
 * being allowed to change the rotation. Each one is a change of the schedule: version + 1,
 * refused unless based on the current version.
 */
export class OverrideService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Adds an override for [start, end) (`fields` as sent, without `version`): ./overrideDraft.ts. */
  add(
    id: number,
    fields: Readonly<Record<string, unknown>>,
    base: BaseVersionSpec,
  ): Promise<{ override: Override; schedule: ScheduleResponse }> {
    return this.store.write(async (tx) => {
      const record = await requireSchedule(tx, id);
      const known = await knownUserIds(tx);
      checkBase(record, base, known);
      const now = this.clock.now();
      const result = withNewOverride(record, fields, known, now);
      if ('refused' in result) throw result.refused;
      const schedule = await saveChange(tx, record, contentOf(result.schedule), now, known);
      return { override: result.override, schedule };
    });
  }

  /** Removes an override; the layers beneath it are on call again. */
  remove(id: number, overrideId: string, base: BaseVersionSpec): Promise<ScheduleResponse> {
    return this.store.write(async (tx) => {
      const record = await requireSchedule(tx, id);
      const known = await knownUserIds(tx);
      checkBase(record, base, known);
      if (!record.overrides.some((o) => o.id === overrideId)) {
        throw overrideNotFound(id, overrideId);
      }
      const content = {
        ...contentOf(toScheduleModel(record)),
        overrides: record.overrides.filter((o) => o.id !== overrideId),
      };
      return saveChange(tx, record, content, this.clock.now(), known);
    });
  }
}

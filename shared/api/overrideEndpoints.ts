import { pathTo, endpoint } from './endpoint.js';
import { CreateOverrideResponse, ScheduleResponse } from './schedules.js';

const overrides = (scheduleId: string) => `${pathTo('/api/v1/schedules', scheduleId)}/overrides`;

/**
 * The REST calls of the schedules calendar: overrides taken and given back, each based on the
 * schedule version read (409 `version_conflict` otherwise). The body of `createOverride` is
 * ./schedules.ts `CreateOverrideRequest`.
 */
export const overrideEndpoints = {
  createOverride: (scheduleId: string) =>
    endpoint('POST', overrides(scheduleId), CreateOverrideResponse),
  deleteOverride: (scheduleId: string, overrideId: string, version: number) =>
    endpoint(
      'DELETE',
      `${pathTo(overrides(scheduleId), overrideId)}?version=${version}`,
      ScheduleResponse,
    ),
} as const;

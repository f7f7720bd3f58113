import {
  CreateOverrideResponse,
  ScheduleResponse,
  type CreateOverrideRequest,
} from '../../shared/api/schedules.js';
import type { RestCall } from './restClient.js';
import type { TransportResult } from './transport.js';

/**
 * The REST calls of the schedules calendar (docs/console.md, "Schedules"): overrides taken and
 * given back. Schedules themselves come from the stream (`entities.schedules`) and are resolved
 * in the page with shared/schedule; only writes go over REST. Every write names the version it
 * is based on: a schedule changed since answers `409 version_conflict` and saves nothing.
 */
export interface ScheduleTransport {
  /** `POST /api/v1/schedules/{id}/overrides` with `{start, end, userId, version}`. */
  createOverride(
    scheduleId: string,
    body: CreateOverrideRequest,
  ): Promise<TransportResult<CreateOverrideResponse>>;
  /** `DELETE /api/v1/schedules/{id}/overrides/{overrideId}?version=`: the changed schedule. */
  deleteOverride(
    scheduleId: string,
    overrideId: string,
    version: number,
  ): Promise<TransportResult<ScheduleResponse>>;
}

export function createScheduleCalls(rest: RestCall): ScheduleTransport {
  const overrides = (id: string) => `/api/v1/schedules/${encodeURIComponent(id)}/overrides`;
  return {
    createOverride: (scheduleId, body) =>
      rest('POST', overrides(scheduleId), CreateOverrideResponse, body),
    deleteOverride: (scheduleId, overrideId, version) =>
      rest(
        'DELETE',
        `${overrides(scheduleId)}/${encodeURIComponent(overrideId)}?version=${version}`,
        ScheduleResponse,
      ),
  };
}

/** For transports that cannot make these calls yet (the desktop bridge until #5 adds them). */
export function unsupportedScheduleCalls(): ScheduleTransport {
  const no = async (): Promise<TransportResult<never>> => ({
    ok: false,
    error: {
      code: 'not_supported',
      message:
        'Taking and giving back shifts is not available in the desktop app yet: open the console in a browser at the engine’s address.',
    },
  });
  return { createOverride: no, deleteOverride: no };
}

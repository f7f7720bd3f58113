import { overrideEndpoints } from '../../shared/api/overrideEndpoints.js';
import type {
  CreateOverrideRequest,
  CreateOverrideResponse,
  ScheduleResponse,
} from '../../shared/api/schedules.js';
import { send, type RestCall } from './restClient.js';
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
  return {
    createOverride: (scheduleId, body) =>
      send(rest, overrideEndpoints.createOverride(scheduleId), body),
    deleteOverride: (scheduleId, overrideId, version) =>
      send(rest, overrideEndpoints.deleteOverride(scheduleId, overrideId, version)),
  };
}

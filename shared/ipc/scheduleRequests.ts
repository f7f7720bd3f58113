import { z } from 'zod';
import {
  CreateOverrideRequest,
  type CreateOverrideResponse,
  type ScheduleResponse,
} from '../api/schedules.js';
import { EngineId, Id, request, Version } from './ipcRequest.js';

const onSchedule = { engineId: EngineId, scheduleId: Id };

/**
 * The schedules calendar's calls (renderer/transport/scheduleTransport.ts), made online by main
 * (shared/api/overrideEndpoints.ts); offline drafts are ./ipcContract.ts's planning requests.
 */
export const scheduleRequests = {
  /** Takes a shift: `body.userId` on call for [start, end), based on `body.version`. */
  createOverride: request<CreateOverrideResponse>()(
    z.strictObject({ ...onSchedule, body: CreateOverrideRequest }),
  ),
  /** Gives an override back, based on the schedule `version` read. */
  deleteOverride: request<ScheduleResponse>()(
    z.strictObject({ ...onSchedule, overrideId: Id, version: Version }),
  ),
} as const;

export type ScheduleRequestName = keyof typeof scheduleRequests;

import { overrideEndpoints } from '../../shared/api/overrideEndpoints.js';
import type { ScheduleRequestName } from '../../shared/ipc/scheduleRequests.js';
import type { WithEngine } from './engineCall.js';
import type { IpcHandlers } from './ipcDispatcher.js';

/**
 * The calendar's online override requests (shared/ipc/scheduleRequests.ts): REST calls of the
 * shared endpoints with the engine's token; a schedule changed since the version read answers
 * 409 `version_conflict`, passed on with its status.
 */
export function createScheduleHandlers(on: WithEngine): Pick<IpcHandlers, ScheduleRequestName> {
  return {
    createOverride: ({ engineId, scheduleId, body }) =>
      on(engineId, ({ rest }) => rest.send(overrideEndpoints.createOverride(scheduleId), body)),
    deleteOverride: ({ engineId, scheduleId, overrideId, version }) =>
      on(engineId, ({ rest }) =>
        rest.send(overrideEndpoints.deleteOverride(scheduleId, overrideId, version)),
      ),
  };
}

import { manageEndpoints as e } from '../../shared/api/manageEndpoints.js';
import type { ManageRequestName } from '../../shared/ipc/manageRequests.js';
import type { WithEngine } from './engineCall.js';
import type { IpcHandlers } from './ipcDispatcher.js';

/**
 * The manage views' requests (shared/ipc/manageRequests.ts): each one REST call of
 * shared/api/manageEndpoints.ts, made with the engine's token, the answer validated by the same
 * schema the browser transport uses, and the engine's refusals (`version_conflict`, 409) passed
 * on with their status.
 */
export function createManageHandlers(on: WithEngine): Pick<IpcHandlers, ManageRequestName> {
  return {
    getAlertSource: ({ engineId, sourceId }) =>
      on(engineId, ({ rest }) => rest.send(e.getAlertSource(sourceId))),
    createAlertSource: ({ engineId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.createAlertSource(), body)),
    updateAlertSource: ({ engineId, sourceId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.updateAlertSource(sourceId), body)),
    deleteAlertSource: ({ engineId, sourceId }) =>
      on(engineId, ({ rest }) => rest.send(e.deleteAlertSource(sourceId))),

    createEscalationPolicy: ({ engineId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.createEscalationPolicy(), body)),
    updateEscalationPolicy: ({ engineId, policyId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.updateEscalationPolicy(policyId), body)),
    deleteEscalationPolicy: ({ engineId, policyId, version }) =>
      on(engineId, ({ rest }) => rest.send(e.deleteEscalationPolicy(policyId, version))),

    createUser: ({ engineId, body }) => on(engineId, ({ rest }) => rest.send(e.createUser(), body)),
    updateUser: ({ engineId, userId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.updateUser(userId), body)),
    deleteUser: ({ engineId, userId }) =>
      on(engineId, ({ rest }) => rest.send(e.deleteUser(userId))),
    createUserToken: ({ engineId, userId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.createUserToken(userId), body)),
    listUserTokens: ({ engineId, userId }) =>
      on(engineId, ({ rest }) => rest.send(e.listUserTokens(userId))),
    revokeUserToken: ({ engineId, userId, tokenId }) =>
      on(engineId, ({ rest }) => rest.send(e.revokeUserToken(userId, tokenId))),

    createTeam: ({ engineId, body }) => on(engineId, ({ rest }) => rest.send(e.createTeam(), body)),
    updateTeam: ({ engineId, teamId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.updateTeam(teamId), body)),
    replaceTeamMembers: ({ engineId, teamId, body }) =>
      on(engineId, ({ rest }) => rest.send(e.replaceTeamMembers(teamId), body)),
    deleteTeam: ({ engineId, teamId }) =>
      on(engineId, ({ rest }) => rest.send(e.deleteTeam(teamId))),
  };
}

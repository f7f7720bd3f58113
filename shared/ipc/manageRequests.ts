import { z } from 'zod';
import {
  CreateAlertSourceRequest,
  UpdateAlertSourceRequest,
  type AlertSourceDeleted,
} from '../api/alertSources.js';
import type { Deleted } from '../api/deleted.js';
import {
  CreateEscalationPolicyRequest,
  UpdateEscalationPolicyRequest,
  type EscalationPolicyResponse,
} from '../api/escalationPolicies.js';
import { CreateTeamRequest, ReplaceTeamMembersRequest, UpdateTeamRequest } from '../api/teams.js';
import {
  CreateTokenRequest,
  CreateUserRequest,
  UpdateUserRequest,
  type TokenList,
  type TokenRevoked,
} from '../api/users.js';
import type { AlertSource } from '../domain/alertSource.js';
import type { CreatedApiToken } from '../domain/apiToken.js';
import type { Team } from '../domain/team.js';
import type { User } from '../domain/user.js';
import { EngineId, Id, request, Version } from './ipcRequest.js';

const onEngine = { engineId: EngineId };
const onSource = { ...onEngine, sourceId: Id };
const onPolicy = { ...onEngine, policyId: Id };
const onUser = { ...onEngine, userId: Id };
const onTeam = { ...onEngine, teamId: Id };

/**
 * The manage views' calls (renderer/transport/manageTransport.ts), one request each: the ids of
 * the call and its body, validated with the engine's own request schemas (shared/api/), so main
 * refuses a body the engine would refuse before sending anything. Main makes the REST call of
 * shared/api/manageEndpoints.ts with the engine's token; results are the engine's answers.
 */
export const manageRequests = {
  /** With its integration key (responders and admins). */
  getAlertSource: request<AlertSource>()(z.strictObject(onSource)),
  createAlertSource: request<AlertSource>()(
    z.strictObject({ ...onEngine, body: CreateAlertSourceRequest }),
  ),
  /** The fields given change; `rotateIntegrationKey: true` issues a new key. */
  updateAlertSource: request<AlertSource>()(
    z.strictObject({ ...onSource, body: UpdateAlertSourceRequest }),
  ),
  deleteAlertSource: request<AlertSourceDeleted>()(z.strictObject(onSource)),

  createEscalationPolicy: request<EscalationPolicyResponse>()(
    z.strictObject({ ...onEngine, body: CreateEscalationPolicyRequest }),
  ),
  /** The whole policy, based on `body.version` (409 `version_conflict` if it moved on). */
  updateEscalationPolicy: request<EscalationPolicyResponse>()(
    z.strictObject({ ...onPolicy, body: UpdateEscalationPolicyRequest }),
  ),
  deleteEscalationPolicy: request<Deleted>()(z.strictObject({ ...onPolicy, version: Version })),

  createUser: request<User>()(z.strictObject({ ...onEngine, body: CreateUserRequest })),
  updateUser: request<User>()(z.strictObject({ ...onUser, body: UpdateUserRequest })),
  deleteUser: request<Deleted>()(z.strictObject(onUser)),
  /** The secret is in this answer only. */
  createUserToken: request<CreatedApiToken>()(
    z.strictObject({ ...onUser, body: CreateTokenRequest }),
  ),
  listUserTokens: request<TokenList>()(z.strictObject(onUser)),
  revokeUserToken: request<TokenRevoked>()(z.strictObject({ ...onUser, tokenId: Id })),

  createTeam: request<Team>()(z.strictObject({ ...onEngine, body: CreateTeamRequest })),
  updateTeam: request<Team>()(z.strictObject({ ...onTeam, body: UpdateTeamRequest })),
  /** The whole member list, replacing the old one. */
  replaceTeamMembers: request<Team>()(
    z.strictObject({ ...onTeam, body: ReplaceTeamMembersRequest }),
  ),
  deleteTeam: request<Deleted>()(z.strictObject(onTeam)),
} as const;

export type ManageRequestName = keyof typeof manageRequests;

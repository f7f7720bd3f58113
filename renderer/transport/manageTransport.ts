import type {
  AlertSourceDeleted,
  CreateAlertSourceRequest,
  UpdateAlertSourceRequest,
} from '../../shared/api/alertSources.js';
import type { Deleted } from '../../shared/api/deleted.js';
import type {
  CreateEscalationPolicyRequest,
  EscalationPolicyResponse,
  UpdateEscalationPolicyRequest,
} from '../../shared/api/escalationPolicies.js';
import { manageEndpoints } from '../../shared/api/manageEndpoints.js';
import type {
  CreateTeamRequest,
  ReplaceTeamMembersRequest,
  UpdateTeamRequest,
} from '../../shared/api/teams.js';
import type {
  CreateTokenRequest,
  CreateUserRequest,
  TokenList,
  TokenRevoked,
  UpdateUserRequest,
} from '../../shared/api/users.js';
import type { AlertSource } from '../../shared/domain/alertSource.js';
import type { CreatedApiToken } from '../../shared/domain/apiToken.js';
import type { Team } from '../../shared/domain/team.js';
import type { User } from '../../shared/domain/user.js';
import { send, type RestCall } from './restClient.js';
import type { TransportResult } from './transport.js';

/**
 * The REST calls of the manage views (docs/console.md, "Manage"): alert sources, escalation
 * policies, users and their API tokens, teams. One method per call; answers validated by the shared
 * schemas. Lists come from the stream (`entities`); these only write, or read what the stream
 * never carries (integration keys).
 */
export interface ManageTransport {
  /** `GET /api/v1/alert-sources/{id}`: with its integration key for responders and admins. */
  getAlertSource(id: string): Promise<TransportResult<AlertSource>>;
  createAlertSource(body: CreateAlertSourceRequest): Promise<TransportResult<AlertSource>>;
  /** `PATCH`: the fields given change; `rotateIntegrationKey: true` issues a new key. */
  updateAlertSource(
    id: string,
    body: UpdateAlertSourceRequest,
  ): Promise<TransportResult<AlertSource>>;
  deleteAlertSource(id: string): Promise<TransportResult<AlertSourceDeleted>>;

  createEscalationPolicy(
    body: CreateEscalationPolicyRequest,
  ): Promise<TransportResult<EscalationPolicyResponse>>;
  /** `PUT`: the whole policy, based on `body.version` (409 `version_conflict` if it moved on). */
  updateEscalationPolicy(
    id: string,
    body: UpdateEscalationPolicyRequest,
  ): Promise<TransportResult<EscalationPolicyResponse>>;
  /** `DELETE …?version=`: 409 `escalation_policy_in_use` while alert sources use it. */
  deleteEscalationPolicy(id: string, version: number): Promise<TransportResult<Deleted>>;

  createUser(body: CreateUserRequest): Promise<TransportResult<User>>;
  updateUser(id: string, body: UpdateUserRequest): Promise<TransportResult<User>>;
  deleteUser(id: string): Promise<TransportResult<Deleted>>;
  createTeam(body: CreateTeamRequest): Promise<TransportResult<Team>>;
  /** `PATCH`: name and description. */
  updateTeam(id: string, body: UpdateTeamRequest): Promise<TransportResult<Team>>;
  /** `PUT …/members`: the whole member list, replacing the old one. */
  replaceTeamMembers(id: string, body: ReplaceTeamMembersRequest): Promise<TransportResult<Team>>;
  deleteTeam(id: string): Promise<TransportResult<Deleted>>;
  /** `POST /api/v1/users/{id}/tokens`: the secret is in this answer only. */
  createUserToken(
    userId: string,
    body: CreateTokenRequest,
  ): Promise<TransportResult<CreatedApiToken>>;
  /** `GET /api/v1/users/{id}/tokens`: names, caps, expiry and last use; never the secrets. */
  listUserTokens(userId: string): Promise<TransportResult<TokenList>>;
  /** `DELETE /api/v1/users/{id}/tokens/{tokenId}`: the token stops working at once. */
  revokeUserToken(userId: string, tokenId: string): Promise<TransportResult<TokenRevoked>>;
}

/** The manage calls over the browser's REST client. */
export function createManageCalls(rest: RestCall): ManageTransport {
  const e = manageEndpoints;
  return {
    getAlertSource: (id) => send(rest, e.getAlertSource(id)),
    createAlertSource: (body) => send(rest, e.createAlertSource(), body),
    updateAlertSource: (id, body) => send(rest, e.updateAlertSource(id), body),
    deleteAlertSource: (id) => send(rest, e.deleteAlertSource(id)),
    createEscalationPolicy: (body) => send(rest, e.createEscalationPolicy(), body),
    updateEscalationPolicy: (id, body) => send(rest, e.updateEscalationPolicy(id), body),
    deleteEscalationPolicy: (id, version) => send(rest, e.deleteEscalationPolicy(id, version)),
    createUser: (body) => send(rest, e.createUser(), body),
    updateUser: (id, body) => send(rest, e.updateUser(id), body),
    deleteUser: (id) => send(rest, e.deleteUser(id)),
    createUserToken: (userId, body) => send(rest, e.createUserToken(userId), body),
    listUserTokens: (userId) => send(rest, e.listUserTokens(userId)),
    revokeUserToken: (userId, tokenId) => send(rest, e.revokeUserToken(userId, tokenId)),
    createTeam: (body) => send(rest, e.createTeam(), body),
    updateTeam: (id, body) => send(rest, e.updateTeam(id), body),
    replaceTeamMembers: (id, body) => send(rest, e.replaceTeamMembers(id), body),
    deleteTeam: (id) => send(rest, e.deleteTeam(id)),
  };
}

import { z } from 'zod';
import type {
  CreateAlertSourceRequest,
  UpdateAlertSourceRequest,
} from '../../shared/api/alertSources.js';
import {
  EscalationPolicyResponse,
  type CreateEscalationPolicyRequest,
  type UpdateEscalationPolicyRequest,
} from '../../shared/api/escalationPolicies.js';
import type {
  CreateTokenRequest,
  CreateUserRequest,
  UpdateUserRequest,
} from '../../shared/api/users.js';
import { AlertSource } from '../../shared/domain/alertSource.js';
import { ApiToken, CreatedApiToken } from '../../shared/domain/apiToken.js';
import { Team } from '../../shared/domain/team.js';
import { User } from '../../shared/domain/user.js';
import type {
  CreateTeamRequest,
  ReplaceTeamMembersRequest,
  UpdateTeamRequest,
} from '../../shared/api/teams.js';
import type { RestCall } from './restClient.js';
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

const TokenList = z.object({ items: z.array(ApiToken) });
export type TokenList = z.infer<typeof TokenList>;
const TokenRevoked = z.object({ revoked: z.literal(true) });
export type TokenRevoked = z.infer<typeof TokenRevoked>;

const Deleted = z.object({ deleted: z.literal(true) });
export type Deleted = z.infer<typeof Deleted>;
const AlertSourceDeleted = Deleted.extend({ resolvedAlerts: z.number() });
export type AlertSourceDeleted = z.infer<typeof AlertSourceDeleted>;

const at = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;
const sources = '/api/v1/alert-sources';
const policies = '/api/v1/escalation-policies';
const users = '/api/v1/users';
const teams = '/api/v1/teams';

/** The manage calls over the browser's REST client. */
export function createManageCalls(rest: RestCall): ManageTransport {
  return {
    getAlertSource: (id) => rest('GET', at(sources, id), AlertSource),
    createAlertSource: (body) => rest('POST', sources, AlertSource, body),
    updateAlertSource: (id, body) => rest('PATCH', at(sources, id), AlertSource, body),
    deleteAlertSource: (id) => rest('DELETE', at(sources, id), AlertSourceDeleted),
    createEscalationPolicy: (body) => rest('POST', policies, EscalationPolicyResponse, body),
    updateEscalationPolicy: (id, body) =>
      rest('PUT', at(policies, id), EscalationPolicyResponse, body),
    deleteEscalationPolicy: (id, version) =>
      rest('DELETE', `${at(policies, id)}?version=${version}`, Deleted),
    createUser: (body) => rest('POST', users, User, body),
    updateUser: (id, body) => rest('PATCH', at(users, id), User, body),
    deleteUser: (id) => rest('DELETE', at(users, id), Deleted),
    createUserToken: (userId, body) =>
      rest('POST', `${at(users, userId)}/tokens`, CreatedApiToken, body),
    listUserTokens: (userId) => rest('GET', `${at(users, userId)}/tokens`, TokenList),
    revokeUserToken: (userId, tokenId) =>
      rest('DELETE', `${at(users, userId)}/tokens/${encodeURIComponent(tokenId)}`, TokenRevoked),
    createTeam: (body) => rest('POST', teams, Team, body),
    updateTeam: (id, body) => rest('PATCH', at(teams, id), Team, body),
    replaceTeamMembers: (id, body) => rest('PUT', `${at(teams, id)}/members`, Team, body),
    deleteTeam: (id) => rest('DELETE', at(teams, id), Deleted),
  };
}

/**
 * For a transport that cannot make these calls yet (the desktop bridge, until its IPC contract
 * carries them): every call answers with a sentence saying where it works.
 */
export function unsupportedManageCalls(): ManageTransport {
  const no = async (): Promise<TransportResult<never>> => ({
    ok: false,
    error: {
      code: 'not_supported',
      message:
        'Managing alert sources, policies and users is not available in the desktop app yet: open the console in a browser at the engine’s address.',
    },
  });
  return {
    getAlertSource: no,
    createAlertSource: no,
    updateAlertSource: no,
    deleteAlertSource: no,
    createEscalationPolicy: no,
    updateEscalationPolicy: no,
    deleteEscalationPolicy: no,
    createUser: no,
    updateUser: no,
    deleteUser: no,
    createUserToken: no,
    listUserTokens: no,
    revokeUserToken: no,
    createTeam: no,
    updateTeam: no,
    replaceTeamMembers: no,
    deleteTeam: no,
  };
}

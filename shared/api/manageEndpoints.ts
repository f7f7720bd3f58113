import { AlertSource } from '../domain/alertSource.js';
import { CreatedApiToken } from '../domain/apiToken.js';
import { Team } from '../domain/team.js';
import { User } from '../domain/user.js';
import { AlertSourceDeleted } from './alertSources.js';
import { Deleted } from './deleted.js';
import { endpoint, pathTo } from './endpoint.js';
import { EscalationPolicyResponse } from './escalationPolicies.js';
import { TokenList, TokenRevoked } from './users.js';

const sources = '/api/v1/alert-sources';
const policies = '/api/v1/escalation-policies';
const users = '/api/v1/users';
const teams = '/api/v1/teams';

/**
 * The REST calls of the console's manage views (docs/api.md): alert sources, escalation
 * policies, users and their API tokens, teams. The request bodies are the shared request
 * schemas of ./alertSources.ts, ./escalationPolicies.ts, ./users.ts and ./teams.ts.
 */
export const manageEndpoints = {
  getAlertSource: (id: string) => endpoint('GET', pathTo(sources, id), AlertSource),
  createAlertSource: () => endpoint('POST', sources, AlertSource),
  updateAlertSource: (id: string) => endpoint('PATCH', pathTo(sources, id), AlertSource),
  deleteAlertSource: (id: string) => endpoint('DELETE', pathTo(sources, id), AlertSourceDeleted),

  createEscalationPolicy: () => endpoint('POST', policies, EscalationPolicyResponse),
  updateEscalationPolicy: (id: string) =>
    endpoint('PUT', pathTo(policies, id), EscalationPolicyResponse),
  deleteEscalationPolicy: (id: string, version: number) =>
    endpoint('DELETE', `${pathTo(policies, id)}?version=${version}`, Deleted),

  createUser: () => endpoint('POST', users, User),
  updateUser: (id: string) => endpoint('PATCH', pathTo(users, id), User),
  deleteUser: (id: string) => endpoint('DELETE', pathTo(users, id), Deleted),
  createUserToken: (userId: string) =>
    endpoint('POST', `${pathTo(users, userId)}/tokens`, CreatedApiToken),
  listUserTokens: (userId: string) => endpoint('GET', `${pathTo(users, userId)}/tokens`, TokenList),
  revokeUserToken: (userId: string, tokenId: string) =>
    endpoint('DELETE', pathTo(`${pathTo(users, userId)}/tokens`, tokenId), TokenRevoked),

  createTeam: () => endpoint('POST', teams, Team),
  updateTeam: (id: string) => endpoint('PATCH', pathTo(teams, id), Team),
  replaceTeamMembers: (id: string) => endpoint('PUT', `${pathTo(teams, id)}/members`, Team),
  deleteTeam: (id: string) => endpoint('DELETE', pathTo(teams, id), Deleted),
} as const;

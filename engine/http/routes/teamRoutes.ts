import type { FastifyInstance } from 'fastify';
import {
  CreateTeamRequest,
  ReplaceTeamMembersRequest,
  UpdateTeamRequest,
} from '../../../shared/api/teams.js';
import type { EngineContext } from '../../engineContext.js';
import { notFound } from '../../errors.js';
import { parseOrThrow } from '../../validation.js';
import { toTeam } from '../../wire.js';
import { authorize, parseId } from '../requestAuth.js';

type IdParams = { Params: { id: string } };
const teamNotFound = () => notFound('team_not_found', 'This team');

/** `/api/v1/teams`: everyone reads teams; admins create, change and delete them. */
export function registerTeamRoutes(app: FastifyInstance, ctx: EngineContext): void {
  const base = '/api/v1/teams';

  app.get(base, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return { items: (await ctx.teams.list()).map(toTeam) };
  });

  app.get<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'viewer');
    return toTeam(await ctx.teams.get(parseId(request.params.id, teamNotFound)));
  });

  app.post(base, async (request, reply) => {
    await authorize(ctx.store, request, 'admin');
    const body = parseOrThrow(CreateTeamRequest, request.body, 'team');
    const team = await ctx.teams.create(body);
    return reply.code(201).header('Location', `${base}/${team.id}`).send(toTeam(team));
  });

  app.patch<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    const id = parseId(request.params.id, teamNotFound);
    const body = parseOrThrow(UpdateTeamRequest, request.body ?? {}, 'team change');
    return toTeam(await ctx.teams.update(id, body));
  });

  app.put<IdParams>(`${base}/:id/members`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    const id = parseId(request.params.id, teamNotFound);
    const body = parseOrThrow(ReplaceTeamMembersRequest, request.body, 'member list');
    return toTeam(await ctx.teams.replaceMembers(id, body));
  });

  app.delete<IdParams>(`${base}/:id`, async (request) => {
    await authorize(ctx.store, request, 'admin');
    await ctx.teams.remove(parseId(request.params.id, teamNotFound));
    return { deleted: true };
  });
}

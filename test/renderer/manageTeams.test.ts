import { describe, expect, it } from 'vitest';
import type { Team } from '../../shared/domain/team.js';
import { createManageCalls } from '../../renderer/transport/manageTransport.js';
import { createRestClient } from '../../renderer/transport/restClient.js';
import {
  createTeamBody,
  draftOfTeam,
  emptyTeamDraft,
  removeMember,
  setMember,
  updateTeamBodies,
} from '../../renderer/views/manage/teams/teamForm.js';

const team: Team = {
  id: '3',
  name: 'Database Ops',
  description: null,
  members: [
    { userId: '2', role: 'manager' },
    { userId: '10', role: 'member' },
  ],
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:00:00.000Z',
};

describe('the team form', () => {
  it('keeps members in user-id order, one entry each', () => {
    let draft = draftOfTeam(team);
    draft = setMember(draft, '5', 'member');
    draft = setMember(draft, '10', 'manager');
    expect(draft.members).toEqual([
      { userId: '2', role: 'manager' },
      { userId: '5', role: 'member' },
      { userId: '10', role: 'manager' },
    ]);
    expect(removeMember(draft, '2').members.map((m) => m.userId)).toEqual(['5', '10']);
  });

  it('creates a team with its members, and refuses a blank name', () => {
    const draft = setMember({ ...emptyTeamDraft, name: ' Edge ' }, '2', 'member');
    expect(createTeamBody(draft)).toEqual({
      ok: true,
      body: { name: 'Edge', description: null, members: [{ userId: '2', role: 'member' }] },
    });
    const blank = createTeamBody(emptyTeamDraft);
    expect(!blank.ok && blank.errors.fields.name).toBe('A name is required.');
  });

  it('sends only the requests whose part changed', () => {
    expect(updateTeamBodies(draftOfTeam(team), team)).toEqual({
      ok: true,
      body: { details: null, members: null },
    });
    const renamed = updateTeamBodies(
      { ...draftOfTeam(team), description: 'Owns PostgreSQL' },
      team,
    );
    expect(renamed.ok && renamed.body.details).toEqual({
      name: 'Database Ops',
      description: 'Owns PostgreSQL',
    });
    const fewer = updateTeamBodies(removeMember(draftOfTeam(team), '2'), team);
    expect(fewer.ok && fewer.body).toEqual({
      details: null,
      members: { members: [{ userId: '10', role: 'member' }] },
    });
  });

  it('calls the team routes of docs/api.md', async () => {
    const seen: string[] = [];
    const fetch = (async (url: string, init: RequestInit) => {
      seen.push(`${init.method} ${url}`);
      return new Response(JSON.stringify(team), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const manage = createManageCalls(
      createRestClient({ engineUrl: 'http://e:1', token: () => 'noc_t', fetch }),
    );
    await manage.createTeam({ name: 'x', members: [] });
    await manage.updateTeam('3', { name: 'y' });
    const put = await manage.replaceTeamMembers('3', { members: [] });
    expect(put).toEqual({ ok: true, value: team });
    expect(seen).toEqual([
      'POST http://e:1/api/v1/teams',
      'PATCH http://e:1/api/v1/teams/3',
      'PUT http://e:1/api/v1/teams/3/members',
    ]);
  });
});

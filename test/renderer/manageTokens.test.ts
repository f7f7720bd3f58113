import { describe, expect, it } from 'vitest';
import type { ApiToken } from '../../shared/domain/apiToken.js';
import { tokenCapLabel, tokenRows } from '../../renderer/views/manage/users/tokenRows.js';

const token = (id: string, change: Partial<ApiToken> = {}): ApiToken => ({
  id,
  userId: '7',
  name: `token ${id}`,
  prefix: `noc_${id}abc`,
  role: null,
  createdAt: '2026-11-28T09:00:00.000Z',
  lastUsedAt: null,
  ...change,
});

describe('the API tokens of a user, as rows', () => {
  it('lists the newest first, with times in the zone asked for and "never" for no use', () => {
    const rows = tokenRows(
      [
        token('1', {
          createdAt: '2026-03-29T00:30:00.000Z',
          lastUsedAt: '2026-03-29T01:15:00.000Z',
        }),
        token('2', { createdAt: '2026-11-28T09:00:00.000Z', role: 'viewer', name: 'NOC wall' }),
      ],
      'responder',
      'Europe/Berlin',
    );
    expect(rows).toEqual([
      {
        id: '2',
        name: 'NOC wall',
        prefix: 'noc_2abc…',
        mayDo: 'read only (viewer)',
        created: '2026-11-28 10:00',
        lastUsed: 'never',
      },
      {
        id: '1',
        name: 'token 1',
        prefix: 'noc_1abc…',
        mayDo: 'as the user (responder)',
        // Berlin's clocks went forward at 01:00 UTC that night.
        created: '2026-03-29 01:30',
        lastUsed: '2026-03-29 03:15',
      },
    ]);
  });

  it('orders tokens made in the same millisecond by id, newest first', () => {
    const rows = tokenRows([token('9'), token('10'), token('2')], 'admin', 'UTC');
    expect(rows.map((r) => r.id)).toEqual(['10', '9', '2']);
  });

  it('says what a cap allows in words', () => {
    expect(tokenCapLabel('admin', 'admin')).toBe('everything (admin)');
    expect(tokenCapLabel('responder', 'admin')).toBe('work alerts (responder)');
    expect(tokenCapLabel(null, 'viewer')).toBe('as the user (viewer)');
  });
});

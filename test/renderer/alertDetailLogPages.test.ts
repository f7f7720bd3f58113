import { describe, expect, it } from 'vitest';
import type { AlertLogEntry } from '../../shared/domain/alert.js';
import {
  cursorToRefresh,
  mergedLog,
  withLaterPage,
} from '../../renderer/views/alertDetail/alertLogPages.js';
import { alertEndpoints } from '../../shared/api/alertEndpoints.js';
import { createRestClient, send } from '../../renderer/transport/restClient.js';

const entry = (id: number): AlertLogEntry => ({
  id: String(id),
  alertId: '7',
  at: new Date(Date.UTC(2026, 10, 28, 9, 0, id)).toISOString(),
  kind: 'comment',
  actor: { type: 'user', id: '1', name: 'Ada Lovelace' },
  message: `Comment ${id}`,
});
const entries = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));

describe('paging through an alert’s log', () => {
  const first = { items: entries(1, 3), nextCursor: 'c3' };

  it('shows the first page alone until a later one is read', () => {
    expect(mergedLog(first, [])).toBe(first);
  });

  it('appends later pages in order, each entry once, and ends where the last page ends', () => {
    let later = withLaterPage([], { cursor: 'c3', items: entries(4, 6), nextCursor: 'c6' });
    later = withLaterPage(later, { cursor: 'c6', items: entries(6, 7), nextCursor: null });
    const log = mergedLog(first, later);
    expect(log.items.map((e) => e.id)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(log.nextCursor).toBeNull();
  });

  it('reads the last page again when the alert changes, and replaces it', () => {
    const later = withLaterPage([], { cursor: 'c3', items: entries(4, 5), nextCursor: null });
    expect(cursorToRefresh(later)).toBe('c3');
    expect(cursorToRefresh([])).toBeNull();
    const grown = withLaterPage(later, { cursor: 'c3', items: entries(4, 6), nextCursor: 'c6' });
    expect(grown).toHaveLength(1);
    expect(mergedLog(first, grown)).toMatchObject({ nextCursor: 'c6' });
    expect(mergedLog(first, grown).items).toHaveLength(6);
  });

  it('asks the engine for the page after a cursor and validates the answer', async () => {
    const seen: string[] = [];
    const fetch = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ items: entries(201, 202), nextCursor: null }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof globalThis.fetch;
    const rest = createRestClient({ engineUrl: 'http://e:1', token: () => 'noc_t', fetch });
    const page = await send(rest, alertEndpoints.getAlertLog('7', 'a b/c'));
    expect(seen).toEqual(['http://e:1/api/v1/alerts/7/log?cursor=a%20b%2Fc']);
    expect(page.ok && page.value.items.map((e) => e.id)).toEqual(['201', '202']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSource,
  ingestClients,
  type IngestClients,
  type TestSource,
} from '../helpers/ingest.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

const t0 = Date.parse('2026-11-28T09:00:00Z');
const minutes = (n: number) => new Date(t0 + n * 60_000).toISOString();

/** `GET /api/v1/alerts`: filters, newest-first order, cursor pages that stay stable. */
describe('listing alerts', () => {
  let t: TestEngine;
  let io: IngestClients;
  let a: TestSource;
  let b: TestSource;
  /** The engine's clock: alerts are created at the times the tests set. */
  let now = t0;
  const ids: Record<string, string> = {};

  async function create(source: TestSource, key: string, more: Record<string, unknown>) {
    const res = await io.ilert({
      integrationKey: source.integrationKey,
      eventType: 'ALERT',
      alertKey: key,
      ...more,
    });
    return res.body.alertId as string;
  }

  /** Every page of `query` with page size `limit`, as lists of ids. */
  async function pages(query: string, limit: number, from: string | null = null) {
    const out: string[][] = [];
    let cursor = from;
    do {
      const res = await io.admin.get(
        `/api/v1/alerts?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      out.push(res.body.items.map((x: any) => x.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    return out;
  }

  const list = async (query: string) =>
    (await io.admin.get(`/api/v1/alerts?${query}`)).body.items.map((x: any) => x.id);
  /** Ids of the named seed alerts. */
  const named = (...names: string[]) => names.map((n) => ids[n]);

  beforeAll(async () => {
    t = await startTestEngine({ clock: { now: () => now } });
    io = ingestClients(t);
    a = await createSource(io.admin, 'A');
    b = await createSource(io.admin, 'B');
    const seed: Array<[string, TestSource, number, Record<string, unknown>]> = [
      ['disk', a, 0, { summary: 'Disk full on db-1', priority: 'HIGH' }],
      ['cpu', a, 10, { summary: 'CPU high on web-1', priority: 'LOW' }],
      ['net', b, 20, { summary: 'Packet loss 50% on core', priority: 'HIGH' }],
      [
        'space',
        b,
        30,
        { summary: 'Space warning web-2', details: 'Disk nearly full', priority: 'LOW' },
      ],
      ['mem', a, 40, { summary: 'Memory leak', priority: 'HIGH' }],
    ];
    for (const [name, source, at, fields] of seed) {
      now = t0 + at * 60_000;
      ids[name] = await create(source, name === 'space' ? 'disk_web2' : `${name}-key`, fields);
    }
    now = t0 + 50 * 60_000;
    await io.admin.post(`/api/v1/alerts/${ids.cpu}/accept`);
    await io.admin.post(`/api/v1/alerts/${ids.net}/resolve`);
  });
  afterAll(() => t.dispose());

  const scope = () => `source=${a.id},${b.id}`;

  it('lists newest first, as summaries without the heavy fields', async () => {
    const res = await io.admin.get(`/api/v1/alerts?${scope()}`);
    expect(res.body.items.map((x: any) => x.id)).toEqual(
      named('mem', 'space', 'net', 'cpu', 'disk'),
    );
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[1]).not.toHaveProperty('details');
    expect(res.body.items[1]).not.toHaveProperty('customDetails');
    expect(res.body.items[1]).toMatchObject({
      summary: 'Space warning web-2',
      createdAt: minutes(30),
    });
  });

  it.each([
    ['state=PENDING', ['mem', 'space', 'disk']],
    ['state=PENDING,ACCEPTED', ['mem', 'space', 'cpu', 'disk']],
    ['state=PENDING&state=ACCEPTED', ['mem', 'space', 'cpu', 'disk']],
    ['state=RESOLVED', ['net']],
    ['priority=LOW', ['space', 'cpu']],
    ['priority=HIGH&state=PENDING', ['mem', 'disk']],
  ])('filters by %s', async (query, expected) => {
    expect(await list(`${scope()}&${query}`)).toEqual(named(...expected));
  });

  it('filters by alert source', async () => {
    expect(await list(`source=${b.id}`)).toEqual(named('space', 'net'));
    expect(await list(`source=${a.id}&state=PENDING`)).toEqual(named('mem', 'disk'));
    expect(await list('source=987654')).toEqual([]);
  });

  it.each([
    ['disk', ['space', 'disk']], // summary of one, key and details of the other
    ['DISK', ['space', 'disk']],
    ['web', ['space', 'cpu']],
    ['mem-KEY', ['mem']],
    ['50%', ['net']], // % is a character here, not a wildcard
    ['%', ['net']],
    ['_', ['space']], // _ too: only disk_web2 has one
    ['nothing like this', []],
  ])('searches summary, key and details for %j, case-insensitively', async (q, expected) => {
    expect(await list(`${scope()}&q=${encodeURIComponent(q)}`)).toEqual(named(...expected));
  });

  it('filters by creation time: from inclusive, to exclusive, any offset', async () => {
    expect(await list(`${scope()}&from=${minutes(20)}`)).toEqual(named('mem', 'space', 'net'));
    expect(await list(`${scope()}&to=${minutes(20)}`)).toEqual(named('cpu', 'disk'));
    expect(await list(`${scope()}&from=${minutes(10)}&to=${minutes(30)}`)).toEqual(
      named('net', 'cpu'),
    );
    const sameInstant = encodeURIComponent('2026-11-28T10:20:00+01:00'); // = minutes(20)
    expect(await list(`${scope()}&from=${sameInstant}`)).toEqual(named('mem', 'space', 'net'));
    expect(await list(`${scope()}&from=${minutes(30)}&to=${minutes(10)}`)).toEqual([]);
  });

  it('pages with a cursor, newest first, the last page without a cursor', async () => {
    expect(await pages(scope(), 2)).toEqual([
      named('mem', 'space'),
      named('net', 'cpu'),
      named('disk'),
    ]);
    expect(await pages(`${scope()}&state=PENDING`, 1)).toEqual([
      named('mem'),
      named('space'),
      named('disk'),
    ]);
  });

  it('serves 50 by default and up to 500 a page', async () => {
    const many = await createSource(io.admin, 'Many');
    for (let i = 0; i < 60; i += 1) await create(many, `m${i}`, { summary: `many ${i}` });
    const first = await io.admin.get(`/api/v1/alerts?source=${many.id}`);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const all = await io.admin.get(`/api/v1/alerts?source=${many.id}&limit=500`);
    expect(all.body.items).toHaveLength(60);
    expect(all.body.nextCursor).toBeNull();
  });

  it('has no duplicates or gaps when alerts arrive and change between pages', async () => {
    const src = await createSource(io.admin, 'Busy');
    const before: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      now += 1000;
      before.unshift(await create(src, `busy-${i}`, { summary: `busy ${i}` }));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const res: { body: any } = await io.admin.get(
        `/api/v1/alerts?source=${src.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...res.body.items.map((x: any) => x.id));
      cursor = res.body.nextCursor;
      // Between pages: new alerts, a repeat of an old one, an accept and a resolve.
      now += 1000;
      round += 1;
      await create(src, `late-${round}`, { summary: 'arrived late' });
      await create(src, 'busy-0', { summary: 'busy 0 again' });
      if (round === 2) await io.admin.post(`/api/v1/alerts/${before[8]}/accept`);
      if (round === 3) await io.admin.post(`/api/v1/alerts/${before[7]}/resolve`);
    } while (cursor);
    expect(seen).toEqual(before);
  });

  it('breaks ties of alerts created in the same millisecond by id, also across pages', async () => {
    const src = await createSource(io.admin, 'Same instant');
    now += 60_000;
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1)
      created.unshift(await create(src, `same-${i}`, { summary: 's' }));
    const firstPage = await io.admin.get(`/api/v1/alerts?source=${src.id}&limit=3`);
    expect(firstPage.body.items.map((x: any) => x.id)).toEqual(created.slice(0, 3));
    // More alerts in that same millisecond: they sort before the cursor, so later pages skip them.
    for (let i = 7; i < 10; i += 1) await create(src, `same-${i}`, { summary: 's' });
    const rest = await pages(`source=${src.id}`, 3, firstPage.body.nextCursor);
    expect(rest.flat()).toEqual(created.slice(3));
  });
});

import type { ListAlertsQuery, Page } from '../../shared/api/alerts.js';
import { EngineError, notFound } from '../errors.js';
import type { AlertLogRecord, AlertRecord } from '../store/records.js';
import type { AlertCursor, Store } from '../store/store.js';

/** Cursors are opaque to clients: base64url of "createdAt.id" of the last row served. */
export function encodeCursor(cursor: AlertCursor): string {
  return Buffer.from(`${cursor.createdAt}.${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): AlertCursor {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString('latin1'));
  if (!match) {
    throw new EngineError(
      400,
      'invalid_cursor',
      'The cursor is not one this engine gave out; start again without it.',
    );
  }
  return { createdAt: Number(match[1]), id: Number(match[2]) };
}

const logCursor = (afterId: number) => Buffer.from(`log.${afterId}`).toString('base64url');

export function decodeLogCursor(text: string | undefined): number {
  if (!text) return 0;
  const match = /^log\.(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString('latin1'));
  if (!match) {
    throw new EngineError(
      400,
      'invalid_cursor',
      'The cursor is not one this engine gave out; start again without it.',
    );
  }
  return Number(match[1]);
}

export interface AlertWithLog {
  readonly alert: AlertRecord;
  readonly log: Page<AlertLogRecord>;
}

/** Reading alerts: filtered pages in a stable order, and one alert with its history. */
export class AlertQueries {
  constructor(private readonly store: Store) {}

  async list(query: ListAlertsQuery): Promise<Page<AlertRecord>> {
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.store.read((tx) =>
      tx.alerts.list(
        {
          ...(query.state ? { states: query.state } : {}),
          ...(query.priority ? { priorities: query.priority } : {}),
          ...(query.source ? { sourceIds: query.source.map(Number) } : {}),
          ...(query.q ? { text: query.q } : {}),
          ...(query.from ? { from: Date.parse(query.from) } : {}),
          ...(query.to ? { to: Date.parse(query.to) } : {}),
        },
        query.limit + 1,
        cursor,
      ),
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ createdAt: last.createdAt, id: last.id })
          : null,
    };
  }

  /** The alert and the first `logLimit` entries of its log, oldest first. */
  async get(id: number, logLimit: number): Promise<AlertWithLog> {
    const found = await this.store.read(async (tx) => {
      const alert = await tx.alerts.get(id);
      return alert ? { alert, log: await tx.alerts.listLog(id, logLimit + 1, 0) } : null;
    });
    if (!found) throw notFound('alert_not_found', `Alert ${id}`);
    return { alert: found.alert, log: page(found.log, logLimit) };
  }

  async log(id: number, cursor: string | undefined, limit: number): Promise<Page<AlertLogRecord>> {
    const afterId = decodeLogCursor(cursor);
    const entries = await this.store.read(async (tx) =>
      (await tx.alerts.get(id)) ? tx.alerts.listLog(id, limit + 1, afterId) : null,
    );
    if (!entries) throw notFound('alert_not_found', `Alert ${id}`);
    return page(entries, limit);
  }
}

function page(entries: AlertLogRecord[], limit: number): Page<AlertLogRecord> {
  const items = entries.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: entries.length > limit && last ? logCursor(last.id) : null };
}

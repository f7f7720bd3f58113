import WebSocket from 'ws';
import { streamUrl } from '../../shared/sync/webSocketConnector.js';
import { client } from './http.js';
import { adminToken } from './testEngine.js';

/** How a raw test connection authenticates and what it sends with the upgrade. */
export interface RawStreamOptions {
  /** Sent as `Authorization: Bearer`; null sends none. Default the admin token. */
  readonly headerToken?: string | null;
  readonly protocols?: readonly string[];
  readonly origin?: string;
}

/**
 * A WebSocket to the stream with every frame recorded, for tests that play the console by
 * hand: `next()` waits for the next message (in order), `closed` for the close.
 */
export class RawStream {
  readonly messages: any[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private read = 0;
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      this.messages.push(isBinary ? data : JSON.parse(data.toString()));
      this.wake();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      }),
    );
    ws.on('error', () => undefined);
  }

  static open(engineUrl: string, options: RawStreamOptions = {}): Promise<RawStream> {
    const ws = newSocket(engineUrl, options);
    const stream = new RawStream(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(stream));
      ws.once('unexpected-response', (_req, res) => {
        reject(new Error(`upgrade refused: ${res.statusCode}`));
        res.resume();
      });
      ws.once('error', reject);
    });
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message not yet taken; fails if the connection closes first. */
  async next(): Promise<any> {
    while (this.read >= this.messages.length) {
      if (this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`the stream closed; messages: ${JSON.stringify(this.messages)}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    return this.messages[this.read++];
  }

  /** Takes messages until one matches; returns it. */
  async nextWhere(predicate: (message: any) => boolean): Promise<any> {
    for (;;) {
      const message = await this.next();
      if (predicate(message)) return message;
    }
  }

  /** Says hello and reads the whole snapshot (all parts); returns the final part. */
  async helloSnapshot(resume?: { streamId: string; seq: number }): Promise<any> {
    this.send({ type: 'hello', protocol: 1, ...(resume ? { resume } : {}) });
    for (;;) {
      const message = await this.next();
      if (message.type !== 'snapshot') throw new Error(`expected a snapshot: ${message.type}`);
      if (message.final) return message;
    }
  }

  close(): void {
    this.ws.terminate();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** What the engine answered to an upgrade it refused: status, headers and JSON body. */
export function refusedUpgrade(
  engineUrl: string,
  options: RawStreamOptions = {},
): Promise<{ status: number; headers: Record<string, unknown>; contentType?: string; body: any }> {
  const ws = newSocket(engineUrl, options);
  return new Promise((resolve, reject) => {
    ws.on('open', () => {
      ws.terminate();
      reject(new Error('the upgrade was accepted'));
    });
    ws.on('error', reject);
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          contentType: res.headers['content-type'],
          body: JSON.parse(text),
        }),
      );
    });
  });
}

function newSocket(engineUrl: string, options: RawStreamOptions): WebSocket {
  const headerToken = options.headerToken === undefined ? adminToken : options.headerToken;
  return new WebSocket(streamUrl(engineUrl), [...(options.protocols ?? [])], {
    headers: {
      ...(headerToken ? { authorization: `Bearer ${headerToken}` } : {}),
      ...(options.origin ? { origin: options.origin } : {}),
    },
  });
}

/** An alert source to post events to; returns its id and integration key. */
export async function createAlertSource(
  engineUrl: string,
  name = 'Stream test source',
): Promise<{ id: string; integrationKey: string }> {
  const created = await client(engineUrl).post('/api/v1/alert-sources', { name });
  if (created.status !== 201) throw new Error(`alert source: ${JSON.stringify(created.body)}`);
  return created.body;
}

/** Posts one ilert event (`POST /api/events`), as a monitoring tool would; expects 202. */
export async function postIlertEvent(
  engineUrl: string,
  integrationKey: string,
  event: { alertKey: string; eventType?: string; summary?: string; labels?: object },
): Promise<any> {
  const res = await client(engineUrl, null).post('/api/events', {
    integrationKey,
    eventType: event.eventType ?? 'ALERT',
    summary: event.summary ?? `Disk full on ${event.alertKey}`,
    ...event,
  });
  if (res.status !== 202)
    throw new Error(`ingest answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every alert over REST (`GET /api/v1/alerts`, all pages), by id. */
export async function alertsOverRest(engineUrl: string): Promise<Map<string, any>> {
  const api = client(engineUrl);
  const all = new Map<string, any>();
  let cursor: string | null = null;
  do {
    const query: string = `/api/v1/alerts?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await api.get(query);
    if (page.status !== 200) throw new Error(`alerts: ${JSON.stringify(page.body)}`);
    for (const alert of page.body.items) all.set(alert.id, alert);
    cursor = page.body.nextCursor;
  } while (cursor);
  return all;
}

/** Polls `condition` until it holds (the stream is asynchronous); fails after `timeoutMs`. */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

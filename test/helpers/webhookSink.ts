import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the sink answers to one request; `hang` never answers (a receiver that stalls). */
export type SinkReply =
  { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface SinkRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: any;
}

/**
 * A webhook receiver on 127.0.0.1 for tests: records every request and answers from a queue
 * of replies (200 once the queue is empty).
 */
export class WebhookSink {
  readonly requests: SinkRequest[] = [];
  private readonly replies: SinkReply[] = [];
  private readonly hanging: ServerResponse[] = [];
  private waiters: Array<() => void> = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookSink> {
    const sink = new WebhookSink(createServer());
    sink.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => sink.receive(req.url ?? '/', req.headers, text, res));
    });
    await new Promise<void>((resolve) => sink.server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hooks/T000/B000/secret'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Queues the answers to the next requests, in order. */
  reply(...replies: SinkReply[]): void {
    this.replies.push(...replies);
  }

  /** Resolves once `n` requests arrived in all. */
  async received(n: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.requests.length < n) {
      if (Date.now() > deadline) {
        throw new Error(`the sink got ${this.requests.length} requests, not ${n}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(path: string, headers: IncomingHttpHeaders, text: string, res: ServerResponse) {
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the text
    }
    this.requests.push({ path, headers, body });
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    const reply = this.replies.shift() ?? { status: 200, body: 'ok' };
    if (reply === 'hang') {
      this.hanging.push(res);
      return;
    }
    res.writeHead(reply.status, reply.headers ?? {});
    res.end(reply.body ?? '');
  }
}

import WebSocket from 'ws';
import { LatencyRecorder, type LatencySummary } from './latency.js';

/** The few fields of a stream message the probe reads (the full schema is shared/protocol). */
interface StreamFrame {
  readonly type: string;
  readonly final?: boolean;
  readonly changes?: ReadonlyArray<{ kind: string; value?: { alertKey?: string } }>;
}

/** What the stream clients saw: one latency sample per client per alert. */
export interface StreamLatencyResult {
  readonly clients: number;
  readonly latency: LatencySummary;
  /** Deliveries expected (alerts sent × clients) that never arrived before the wait ended. */
  readonly missed: number;
  /** Connections closed by the engine during the run (a slow consumer would be one). */
  readonly disconnects: number;
}

/**
 * Consoles on `/api/v1/stream` that time each alert from the moment its event was (scheduled to
 * be) sent until the delta carrying it arrives, per client. Runs in the benchmark's process, so
 * the clock is shared with the sender.
 */
export class StreamProbe {
  private readonly sentAt = new Map<string, number>();
  private readonly perClient: Array<{ seen: Set<string>; latency: LatencyRecorder }> = [];
  private readonly sockets: WebSocket[] = [];
  private disconnects = 0;
  private closing = false;

  private constructor() {}

  /** Connects `count` clients and resolves once every one has its whole snapshot. */
  static async connect(url: string, token: string, count: number): Promise<StreamProbe> {
    const probe = new StreamProbe();
    await Promise.all(Array.from({ length: count }, () => probe.connectOne(url, token)));
    return probe;
  }

  /** An event for `alertKey` goes out at `at` (performance.now() clock). */
  expect(alertKey: string, at: number): void {
    this.sentAt.set(alertKey, at);
  }

  /** Waits until every expected alert reached every client, or `timeoutMs` passed. */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline && this.received() < this.expected()) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  result(): StreamLatencyResult {
    const all = new LatencyRecorder();
    for (const client of this.perClient) all.merge(client.latency);
    return {
      clients: this.perClient.length,
      latency: all.summary(),
      missed: this.expected() - this.received(),
      disconnects: this.disconnects,
    };
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.sockets.map(
        (ws) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === WebSocket.CLOSED) return resolve();
            ws.once('close', () => resolve());
            ws.close(1000);
          }),
      ),
    );
  }

  private expected(): number {
    return this.sentAt.size * this.perClient.length;
  }

  private received(): number {
    return this.perClient.reduce((n, c) => n + c.seen.size, 0);
  }

  private connectOne(url: string, token: string): Promise<void> {
    const client = { seen: new Set<string>(), latency: new LatencyRecorder() };
    this.perClient.push(client);
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/api/v1/stream`, {
      headers: { Authorization: `Bearer ${token}` },
      perMessageDeflate: false,
    });
    this.sockets.push(ws);
    return new Promise<void>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: 1 })));
      ws.once('error', reject);
      ws.on('close', () => {
        if (!this.closing) this.disconnects += 1;
        reject(new Error('the stream closed before its snapshot arrived'));
      });
      ws.on('message', (data) => {
        const now = performance.now();
        const frame = JSON.parse(String(data)) as StreamFrame;
        if (frame.type === 'snapshot' && frame.final) resolve();
        if (frame.type !== 'delta') return;
        for (const change of frame.changes ?? []) {
          const key = change.kind === 'alert' ? change.value?.alertKey : undefined;
          if (key === undefined || client.seen.has(key)) continue;
          const at = this.sentAt.get(key);
          if (at === undefined) continue;
          client.seen.add(key);
          client.latency.record(now - at);
        }
      });
    });
  }
}

import { Pool } from 'undici';
import { LatencyRecorder, type LatencySummary } from './latency.js';

/** One POST of a JSON body. */
export interface BenchRequest {
  readonly path: string;
  readonly body: string;
  /** Events (alerts) the request carries: 1 for a single event, 100 for a batch. */
  readonly items: number;
  /** The alert key of a single event, for whoever watches for it. */
  readonly key?: string;
}

/** What a load run measured inside its measurement window (after warm-up). */
export interface LoadResult {
  /** Requests answered with the expected status inside the window. */
  readonly requests: number;
  readonly items: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly itemsPerSecond: number;
  /** Items answered with the expected status over the whole run, warm-up included. */
  readonly allItems: number;
  /** Answers with another status, or transport errors, over the whole run (warm-up too). */
  readonly failures: number;
  /** The first unexpected answer, to say what went wrong. */
  readonly failureSample: string | null;
  readonly latency: LatencySummary;
}

/** Keep-alive connections to one origin: `connections` sockets, one request at a time each. */
export function createPool(origin: string, connections: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 60_000,
  });
}

const jsonHeaders = { 'content-type': 'application/json' };

class Failures {
  count = 0;
  sample: string | null = null;
  add(what: string): void {
    this.count += 1;
    this.sample ??= what;
  }
}

/** Sends one request; true when it was answered with `expect`. */
async function send(
  pool: Pool,
  req: BenchRequest,
  expect: number,
  failures: Failures,
): Promise<boolean> {
  try {
    const { statusCode, body } = await pool.request({
      method: 'POST',
      path: req.path,
      headers: jsonHeaders,
      body: req.body,
    });
    if (statusCode === expect) {
      await body.dump();
      return true;
    }
    failures.add(`${statusCode} ${(await body.text()).slice(0, 300)}`);
  } catch (error) {
    failures.add(`transport error: ${(error as Error).message}`);
  }
  return false;
}

function result(
  requests: number,
  items: number,
  allItems: number,
  seconds: number,
  failures: Failures,
  latency: LatencyRecorder,
): LoadResult {
  return {
    requests,
    items,
    seconds,
    requestsPerSecond: requests / seconds,
    itemsPerSecond: items / seconds,
    allItems,
    failures: failures.count,
    failureSample: failures.sample,
    latency: latency.summary(),
  };
}

export interface ClosedLoopOptions {
  /** Concurrent requests: one per connection, each sent as soon as the previous is answered. */
  readonly connections: number;
  readonly warmupMs: number;
  /** Measurement window after warm-up; Infinity with `maxRequests` to send a fixed amount. */
  readonly durationMs: number;
  readonly maxRequests?: number;
  readonly expectStatus: number;
  readonly next: () => BenchRequest;
}

/**
 * Closed loop: every connection sends its next request as soon as its previous one is
 * answered, so this finds the throughput the server sustains at that concurrency. Counts the
 * answers that arrive inside the window; latency is from send to answer.
 */
export async function runClosedLoop(pool: Pool, options: ClosedLoopOptions): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const maxRequests = options.maxRequests ?? Number.POSITIVE_INFINITY;
  const failures = new Failures();
  const latency = new LatencyRecorder();
  let issued = 0;
  let requests = 0;
  let items = 0;
  let allItems = 0;
  let lastDone = start;

  const connection = async () => {
    while (issued < maxRequests && performance.now() < end) {
      issued += 1;
      const req = options.next();
      const sent = performance.now();
      const ok = await send(pool, req, options.expectStatus, failures);
      const done = performance.now();
      lastDone = Math.max(lastDone, done);
      if (ok) allItems += req.items;
      if (ok && done >= measureFrom && done <= end) {
        requests += 1;
        items += req.items;
        latency.record(done - sent);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = ((Number.isFinite(end) ? end : lastDone) - measureFrom) / 1000;
  return result(requests, items, allItems, seconds, failures, latency);
}

export interface OpenLoopOptions {
  readonly ratePerSecond: number;
  readonly warmupMs: number;
  readonly durationMs: number;
  readonly expectStatus: number;
  readonly next: () => BenchRequest;
  /**
   * Told each request's scheduled send time (performance.now() clock) just before it goes, and
   * whether it falls in the measurement window (after warm-up).
   */
  readonly onSend?: (req: BenchRequest, scheduledAt: number, measured: boolean) => void;
}

export interface OpenLoopResult extends LoadResult {
  /** From the moment a request actually left to its answer (hides queueing in the sender). */
  readonly serviceLatency: LatencySummary;
  /** The most the sender itself fell behind its timetable (its own event loop was busy). */
  readonly maxSendLagMs: number;
}

/**
 * Open loop: requests go out on a fixed timetable whether or not earlier ones were answered,
 * and latency counts from the *scheduled* send time. A server stall therefore shows up in the
 * latency of every request that should have been sent during it (no coordinated omission).
 */
export async function runOpenLoop(pool: Pool, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const intervalMs = 1000 / options.ratePerSecond;
  const total = Math.round(
    ((options.warmupMs + options.durationMs) / 1000) * options.ratePerSecond,
  );
  const t0 = performance.now() + 5;
  const measureFrom = t0 + options.warmupMs;
  const failures = new Failures();
  const latency = new LatencyRecorder();
  const service = new LatencyRecorder();
  const answers: Array<Promise<void>> = [];
  let requests = 0;
  let items = 0;
  let allItems = 0;
  let maxSendLagMs = 0;

  const fire = (scheduledAt: number) => {
    const req = options.next();
    options.onSend?.(req, scheduledAt, scheduledAt >= measureFrom);
    const sent = performance.now();
    maxSendLagMs = Math.max(maxSendLagMs, sent - scheduledAt);
    answers.push(
      send(pool, req, options.expectStatus, failures).then((ok) => {
        const done = performance.now();
        if (ok) allItems += req.items;
        if (!ok || scheduledAt < measureFrom) return;
        requests += 1;
        items += req.items;
        latency.record(done - scheduledAt);
        service.record(done - sent);
      }),
    );
  };

  await new Promise<void>((resolve) => {
    let i = 0;
    const tick = () => {
      const now = performance.now();
      // Everything due by now goes at once: a late timer must not thin out the timetable.
      while (i < total && t0 + i * intervalMs <= now) {
        fire(t0 + i * intervalMs);
        i += 1;
      }
      if (i >= total) resolve();
      else setTimeout(tick, Math.max(0, t0 + i * intervalMs - performance.now()));
    };
    setTimeout(tick, 5);
  });
  await Promise.all(answers);
  return {
    ...result(requests, items, allItems, options.durationMs / 1000, failures, latency),
    serviceLatency: service.summary(),
    maxSendLagMs,
  };
}

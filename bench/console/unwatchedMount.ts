import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { fetchMetrics, metricValue } from '../ingest/engineApi.js';
import { chromiumArgs, chromiumPath } from './chromium.js';

/**
 * The mount time as an operator's browser sees it: no debugger attached while the page loads.
 * Playwright drives Chromium over the DevTools protocol, whose network instrumentation copies
 * every WebSocket frame into a protocol message on the page's main thread — about three times
 * the cost of receiving the snapshot itself (measured: 5 frames of 1 MB, ~320 ms watched,
 * ~75 ms not). Here the benchmark starts Chromium itself and opens the console in a tab
 * through DevTools' HTTP endpoint (`PUT /json/new?url`), which attaches no session — with the
 * token in the URL once, as a wall screen gets it — then loads it again in that tab as a reload
 * would (warm caches, the same renderer process): two warm-ups, then {@link measuredLoads}
 * measured loads, each read from the console's own User Timing marks
 * (renderer/app/startupMarks.ts) over a bare DevTools socket that enables no domain, once the
 * load is over. Why two warm-ups: Chromium compiles a script and keeps its V8 code cache on the
 * second load (~30 ms on the main thread here) and reads it from the third on — the console an
 * operator opens every day is the third case. The figures are the median load's.
 */
export interface UnwatchedMount {
  /** Navigation start → the first frame painting the first snapshot done (`nocturne:first-data-frame`). */
  readonly mountMs: number;
  /**
   * When the frame painting it began (`detail.frameStart` of that mark): the mount time as
   * measured until session 5, kept to compare with earlier figures. It can precede the
   * snapshot's arrival — the frame was due while the page was busy — so it flatters.
   */
  readonly mountFrameStartMs: number;
  /** Navigation start → the stream live (`nocturne:stream-live`). */
  readonly liveMs: number;
  /** Navigation start → the page's scripts ran (`DOMContentLoaded` ended). */
  readonly domContentLoadedMs: number;
  /** Alerts in that first snapshot: the run is valid only if every alert loaded is there. */
  readonly alerts: number;
  /**
   * Every `nocturne:` mark of that load (renderer/startupPhases.ts, startupMarks.ts) by name,
   * in ms from navigation start: where the mount went.
   */
  readonly phasesMs: Readonly<Record<string, number>>;
  /** The mount time of every measured load, in order. */
  readonly mountsMs: readonly number[];
}

export const measuredLoads = 5;

export async function unwatchedMount(
  engineUrl: string,
  token: string,
  settleMs: number,
  tempRoot: string,
): Promise<UnwatchedMount> {
  const profile = mkdtempSync(join(tempRoot, 'unwatched-profile-'));
  const child = spawn(
    chromiumPath,
    [...chromiumArgs, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore', env: { ...process.env, TZ: 'UTC' } },
  );
  try {
    const devTools = `http://127.0.0.1:${await devToolsPort(profile)}`;
    // Each load asks the engine who its token is (`GET /api/v1/me`) as its scripts start: wait
    // for that, then long enough for the snapshot, before the next step.
    let loads = await pageLoads(engineUrl);
    const tab = await openTab(devTools, `${engineUrl}/?token=${encodeURIComponent(token)}`);
    loads = await nextPageLoad(engineUrl, loads);
    await sleep(settleMs);
    const measured: Marks[] = [];
    for (let load = 0; load < 2 + measuredLoads; load += 1) {
      await devToolsCall(tab.webSocketDebuggerUrl, 'Page.navigate', { url: `${engineUrl}/` });
      loads = await nextPageLoad(engineUrl, loads);
      await sleep(settleMs);
      if (load >= 2) measured.push(await readMarks(tab.webSocketDebuggerUrl));
    }
    const median = [...measured].sort((a, b) => a.mountMs - b.mountMs)[measured.length >> 1]!;
    return { ...median, mountsMs: measured.map((m) => m.mountMs) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

type Marks = Omit<UnwatchedMount, 'mountsMs'>;

/** The console's start-up marks of the page in the tab, once it painted its first snapshot. */
async function readMarks(tabSocket: string): Promise<Marks> {
  const expression = `(() => {
    const first = performance.getEntriesByName('nocturne:first-data-frame')[0];
    const live = performance.getEntriesByName('nocturne:stream-live')[0];
    const navigation = performance.getEntriesByType('navigation')[0];
    return first && live ? {
      mountMs: first.startTime,
      mountFrameStartMs: first.detail.frameStart,
      liveMs: live.startTime,
      domContentLoadedMs: navigation ? navigation.domContentLoadedEventEnd : NaN,
      alerts: first.detail.alerts,
      phasesMs: Object.fromEntries(performance.getEntriesByType('mark')
        .filter((m) => m.name.startsWith('nocturne:'))
        .map((m) => [m.name.slice('nocturne:'.length), m.startTime])),
    } : null;
  })()`;
  for (let waited = 0; waited <= 120_000; waited += 250) {
    const answer = (await devToolsCall(tabSocket, 'Runtime.evaluate', {
      expression,
      returnByValue: true,
    })) as { result?: { value?: Marks | null } };
    const marks = answer.result?.value;
    if (marks) return marks;
    await sleep(250);
  }
  throw new Error('the console never showed its first snapshot');
}

interface Tab {
  readonly id: string;
  readonly webSocketDebuggerUrl: string;
}

/** Opens `url` in a new tab without attaching to it. */
async function openTab(devTools: string, url: string): Promise<Tab> {
  const response = await fetch(`${devTools}/json/new?${encodeURI(url)}`, { method: 'PUT' });
  if (!response.ok) throw new Error(`DevTools refused to open a tab: HTTP ${response.status}`);
  return (await response.json()) as Tab;
}

/**
 * One DevTools call over a bare socket to the tab that enables no domain, closed at once: how
 * the benchmark reloads the tab (`Page.navigate`, same renderer process, warm caches) and reads
 * its marks without watching it load.
 */
async function devToolsCall(tabSocket: string, method: string, params: object): Promise<unknown> {
  const socket = new WebSocket(tabSocket);
  try {
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ id: 1, method, params }));
    const reply = await new Promise<string>((resolve) =>
      socket.once('message', (data) => resolve(String(data))),
    );
    return (JSON.parse(reply) as { result?: unknown }).result;
  } finally {
    socket.close();
  }
}

/** Chromium writes the port it chose into the profile (`--remote-debugging-port=0`). */
async function devToolsPort(profile: string): Promise<number> {
  const file = join(profile, 'DevToolsActivePort');
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return port;
    }
    await sleep(100);
  }
  throw new Error('Chromium did not open its DevTools port');
}

/** Sign-in checks the engine has answered: one per console page load. */
async function pageLoads(engineUrl: string): Promise<number> {
  const value = metricValue(
    await fetchMetrics(engineUrl),
    'nocturne_http_requests_total',
    'route="/api/v1/me",status="200"',
  );
  return Number.isNaN(value) ? 0 : value;
}

async function nextPageLoad(engineUrl: string, before: number): Promise<number> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const now = await pageLoads(engineUrl);
    if (now > before) return now;
    await sleep(100);
  }
  throw new Error('the console page did not load in the unwatched Chromium');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

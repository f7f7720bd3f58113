import { randomBytes } from 'node:crypto';
import { CreateAlertSourceRequest } from '../../shared/api/alertSources.js';
import { CreateTeamRequest } from '../../shared/api/teams.js';
import { CreateUserRequest } from '../../shared/api/users.js';
import { startEngine, type Engine } from '../../engine/engine.js';
import type { InboundEvent } from '../../engine/alerts/inboundEvent.js';
import { OffsetClock } from './offsetClock.js';
import type { EscalationBenchSettings } from './settings.js';
import { StepLag, type PhaseResult } from './stepLag.js';

/** Minutes between the levels of the benchmark's policy. */
const timeoutMinutes = 5;
const minuteMs = 60_000;

export interface ScenarioResults {
  readonly engineVersion: string;
  /** Level 1 of every alert, due at its creation, while alerts keep being created. */
  readonly create: PhaseResult & { readonly createSeconds: number };
  /** Level 2, due spread over the same span as the creations, nothing else going on. */
  readonly steady: PhaseResult;
  /** Level 3 of every alert due at one instant (a clock jump): the drain rate. */
  readonly burst: PhaseResult;
  /** Seconds from the clock jump to nothing due: the burst drained. */
  readonly burstSeconds: number;
  /** Due work of every kind done in the burst (steps, delayed notifications, …), by kind. */
  readonly burstWork: Readonly<Record<string, number>>;
  readonly outboxEntries: number;
  readonly pendingDueWork: number;
  readonly rssBytes: number;
}

/**
 * Builds a NOC (40 people, two schedules, a team), a three-level policy with round robin, and an
 * alert source using it; then creates the alerts evenly over the spread, so their level-1 steps
 * fall due as they are created, and moves the clock so that level 2 falls due just as evenly and
 * level 3 all at once. Notifications go through the real notification service (console now,
 * email after 5 minutes, each user's default rules) into the outbox.
 */
export async function runScenario(
  settings: EscalationBenchSettings,
  dataDir: string,
  log: (line: string) => void,
): Promise<ScenarioResults> {
  const clock = new OffsetClock();
  const engine = await startEngine({
    dataDir,
    port: 0,
    clock,
    adminToken: `noc_bench_${randomBytes(24).toString('base64url')}`,
    log: () => undefined,
  });
  const lag = new StepLag(engine.store, clock);
  try {
    const integrationKey = await setUpNoc(engine);
    log(
      `creating ${settings.alerts.toLocaleString('en-US')} alerts over ${settings.spreadSeconds} s…`,
    );
    const createdFrom = clock.now();
    const createSeconds = await createAlerts(engine, integrationKey, settings);
    const createdUntil = clock.now();
    await engine.context.work.idle();
    const create = { ...lag.take(), createSeconds };

    log('level 2, falling due as evenly as the alerts came…');
    // Level 2 of the first alert falls due 200 ms from now; the rest follow as they were made.
    clock.jump(Math.max(0, createdFrom + timeoutMinutes * minuteMs - clock.now() - 200));
    await sleep(createdUntil - createdFrom + 400);
    await engine.context.work.idle();
    const steady = lag.take();

    log('level 3, all due at once…');
    const doneBefore = await workDone(engine);
    const burstStarted = performance.now();
    clock.jump(timeoutMinutes * minuteMs + (createdUntil - createdFrom) + 1_000);
    await engine.context.work.idle();
    const burstSeconds = (performance.now() - burstStarted) / 1000;
    const burst = lag.take();
    const doneAfter = await workDone(engine);
    const burstWork = Object.fromEntries(
      Object.entries(doneAfter).map(([kind, n]) => [kind, n - (doneBefore[kind] ?? 0)]),
    );

    const counts = await engine.store.read(async (tx) => ({
      outbox: Object.values(await tx.outbox.countByState()).reduce((a, b) => a + b, 0),
      pending: await tx.dueWork.countPending(),
    }));
    return {
      engineVersion: engine.version,
      create,
      steady,
      burst,
      burstSeconds,
      burstWork,
      outboxEntries: counts.outbox,
      pendingDueWork: counts.pending,
      rssBytes: process.memoryUsage().rss,
    };
  } finally {
    lag.close();
    await engine.close();
  }
}

/** Due work done so far, by kind (the engine's `nocturne_work_lag_seconds` counts). */
async function workDone(engine: Engine): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const sample of (await engine.context.metrics.workLag.get()).values) {
    if (sample.metricName?.endsWith('_count')) done[String(sample.labels.kind)] = sample.value;
  }
  return done;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function setUpNoc(engine: Engine): Promise<string> {
  const { users, teams, schedules, escalationPolicies, alertSources } = engine.context;
  const ids: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    const user = await users.create(
      CreateUserRequest.parse({
        name: `Responder ${i}`,
        email: `r${i}@bench.example`,
        role: 'responder',
      }),
    );
    ids.push(String(user.id));
  }
  const rotation = (name: string, userIds: string[], hours: number) =>
    schedules.schedules.create({
      name,
      timeZone: 'Europe/Berlin',
      layers: [
        {
          name: 'Rotation',
          start: '2020-01-06T09:00:00+01:00',
          end: null,
          userIds,
          rotation: { anchor: '2020-01-06T09:00:00+01:00', turn: { unit: 'hours', length: hours } },
          restrictions: [],
        },
      ],
    });
  const primary = await rotation('Primary', ids.slice(0, 10), 12);
  const secondary = await rotation('Secondary', ids.slice(10, 20), 24);
  const team = await teams.create(
    CreateTeamRequest.parse({
      name: 'SRE',
      members: ids.slice(20, 28).map((userId) => ({ userId, role: 'member' })),
    }),
  );
  const policy = await escalationPolicies.create({
    name: 'Bench',
    repeat: 2,
    levels: [
      { targets: [{ type: 'schedule', id: primary.id }], timeoutMinutes },
      { targets: [{ type: 'team', id: String(team.id) }], timeoutMinutes, roundRobin: true },
      {
        targets: [
          { type: 'schedule', id: secondary.id },
          { type: 'user', id: ids[30]! },
        ],
        timeoutMinutes,
      },
    ],
  });
  const source = await alertSources.create(
    CreateAlertSourceRequest.parse({ name: 'bench', escalationPolicyId: policy.id }),
  );
  return source.integrationKey;
}

/** Creates the alerts in batches of 10, evenly over the spread, 4 batches in flight at most. */
async function createAlerts(
  engine: Engine,
  integrationKey: string,
  settings: EscalationBenchSettings,
): Promise<number> {
  const batch = 10;
  const batches = Math.ceil(settings.alerts / batch);
  const started = Date.now();
  const inFlight = new Set<Promise<unknown>>();
  for (let b = 0; b < batches; b += 1) {
    await sleep(started + (b * settings.spreadSeconds * 1000) / batches - Date.now());
    const events: InboundEvent[] = [];
    for (let i = b * batch; i < Math.min(settings.alerts, (b + 1) * batch); i += 1) {
      events.push(alertEvent(`bench-${i}`));
    }
    const sent = engine.context.alerts.ingest(integrationKey, 'ilert', events);
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
    if (inFlight.size >= 4) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return (Date.now() - started) / 1000;
}

function alertEvent(alertKey: string): InboundEvent {
  return {
    action: 'trigger',
    alertKey,
    summary: `Disk full on ${alertKey}`,
    details: null,
    priority: 'HIGH',
    severity: null,
    labels: null,
    links: null,
    images: null,
    customDetails: null,
    comment: null,
  };
}

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiveView } from '../../engine/stream/liveView.js';
import { freezeSnapshot } from '../../engine/stream/snapshotParts.js';
import { expandAlertRows } from '../../shared/protocol/alertRows.js';
import { ServerMessage } from '../../shared/protocol/messages.js';
import {
  isServerMessageAsIs,
  serverMessageCheck,
} from '../../shared/protocol/serverMessageCheck.js';
import { readServerMessage } from '../../shared/sync/readServerMessage.js';
import { everySingleMutation, mutatedJson } from '../helpers/jsonMutations.js';
import * as fixtures from '../helpers/protocolFixtures.js';

const frame = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const messages = Object.entries(fixtures.serverMessages);

/**
 * zod's verdict, as the fast path must reproduce it: the parse succeeds and gives back a value
 * deep-equal to the input. Both of zod's parsers (the browser's jitless one, Node's JIT) agree.
 */
function zodTakesAsIs(json: unknown, bothParsers = true): boolean {
  const jitless = ServerMessage.safeParse(json, { jitless: true });
  if (bothParsers) expect(ServerMessage.safeParse(json).success).toBe(jitless.success);
  return jitless.success && isDeepStrictEqual(jitless.data, json);
}

describe('the compiled ServerMessage check (readServerMessage’s fast path)', () => {
  it.each(messages)('takes the %s message as is', (_name, message) => {
    const json = frame(message);
    expect(zodTakesAsIs(json)).toBe(true);
    expect(isServerMessageAsIs(json)).toBe(true);
  });

  it('takes every snapshot part as the engine writes it (engine/stream/snapshotParts.ts)', () => {
    const { alerts, escalations, alertSource, users, team, schedule, policy, monitor } = fixtures;
    const view = new LiveView(
      {
        seq: 4182,
        alerts,
        alertEscalations: escalations,
        entities: {
          alertSources: [alertSource],
          users,
          teams: [team],
          schedules: [schedule],
          escalationPolicies: [policy],
          heartbeatMonitors: [monitor],
          maintenanceWindows: fixtures.maintenanceWindows,
        },
      },
      200,
    );
    for (const protocol of [1, 2] as const) {
      const snapshot = freezeSnapshot(view, 'stream-1', 2, protocol);
      expect(snapshot.parts).toBe(2);
      for (let part = 0; part < snapshot.parts; part += 1) {
        const json = JSON.parse(snapshot.message(part).toString()) as Record<string, unknown>;
        expect(expandAlertRows(json)).toBeNull();
        expect(isServerMessageAsIs(json), `protocol ${protocol} part ${part}`).toBe(true);
      }
    }
  });

  it('takes the examples of docs/protocol.md as is', () => {
    const doc = readFileSync('docs/protocol.md', 'utf8');
    const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)]
      .map((m) => JSON.parse(m[1]!) as { type?: unknown })
      .filter((b) => typeof b === 'object' && b !== null && 'type' in b && b.type !== 'hello');
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const example of examples) expect(isServerMessageAsIs(example)).toBe(true);
  });

  it('says "as is" exactly when zod returns a damaged message unchanged', () => {
    const damaged = fc
      .constantFrom(...messages.map(([, message]) => message))
      .chain((message) => mutatedJson(message));
    fc.assert(
      fc.property(damaged, (json) => {
        const fast = isServerMessageAsIs(json);
        // The contract is the first direction; the second keeps valid messages on the fast path.
        if (fast) expect(zodTakesAsIs(json)).toBe(true);
        else expect(zodTakesAsIs(json)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('answers like zod for every single damage of every small message and change kind', () => {
    // Exhaustive where the random property samples: each field of each entity, each near miss.
    const small: ServerMessage[] = [
      ...fixtures.changes.map((change) => ({
        type: 'delta' as const,
        from: 1,
        seq: 2,
        changes: [change],
      })),
      ...messages
        .map(([, message]) => message)
        .filter((m) => m.type !== 'delta' && (m.type !== 'snapshot' || m.part === 1)),
    ];
    let asIs = 0;
    let total = 0;
    for (const message of small) {
      for (const json of everySingleMutation(message)) {
        const fast = isServerMessageAsIs(json);
        if (fast !== zodTakesAsIs(json, false)) expect.fail(`${fast}: ${JSON.stringify(json)}`);
        asIs += fast ? 1 : 0;
        total += 1;
      }
    }
    expect(total).toBeGreaterThan(10_000);
    expect(asIs).toBeGreaterThan(total / 20); // near misses that are valid stay on the fast path
  });

  it('compiles every node of ServerMessage, and hands zod only the ones listed here', () => {
    // A schema change that adds a refinement, transform or unknown node type shows up here: is
    // it on a hot path (alerts)? Then teach shared/schemaCheck to compile it.
    expect(serverMessageCheck.delegated).toEqual([
      {
        path: 'ServerMessage<snapshot>.maintenanceWindows[].schedule<recurring>.timeZone',
        type: 'string',
        reason: 'has check "custom"', // TimeZoneName's refine(isKnownTimeZone)
      },
    ]);
    expect([...serverMessageCheck.nodeTypes].sort()).toEqual(
      [
        'array',
        'boolean',
        'default',
        'enum',
        'literal',
        'nullable',
        'number',
        'object',
        'optional',
        'readonly',
        'record',
        'string',
        'union',
      ].sort(),
    );
  });
});

describe('readServerMessage', () => {
  it('returns what zod would for a valid frame', () => {
    for (const [name, message] of messages) {
      const text = JSON.stringify(message);
      const read = readServerMessage(text);
      expect(read, name).toEqual({ ok: true, message: ServerMessage.parse(JSON.parse(text)) });
    }
  });

  it('drops unknown fields through zod, as before (a newer engine may send more)', () => {
    const newer = { ...fixtures.serverMessages.heartbeat!, load: 0.4 };
    expect(isServerMessageAsIs(frame(newer))).toBe(false);
    expect(readServerMessage(JSON.stringify(newer))).toEqual({
      ok: true,
      message: fixtures.serverMessages.heartbeat,
    });
  });

  it('fills in what an older engine left out, through zod', () => {
    const { teams: _teams, ...older } = fixtures.serverMessages['snapshot part 1']! as {
      teams: unknown;
    };
    const read = readServerMessage(JSON.stringify(older));
    expect(read.ok && read.message.type === 'snapshot' && read.message.teams).toEqual([]);
  });

  it('names what is wrong in a broken frame, through zod', () => {
    const broken = frame(fixtures.serverMessages['snapshot part 1']) as {
      alerts: Array<{ state: string }>;
    };
    broken.alerts[0]!.state = 'SNOOZED';
    const read = readServerMessage(JSON.stringify(broken));
    expect(read.ok).toBe(false);
    expect(read.message).toMatch(/does not understand at alerts\.0\.state: /);
  });
});

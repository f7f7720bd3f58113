import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { AlertSummary } from '../shared/domain/alert.js';
import { AlertSource } from '../shared/domain/alertSource.js';
import { User } from '../shared/domain/user.js';
import { StoredSchedule } from '../shared/api/schedules.js';
import { Change } from '../shared/protocol/changes.js';
import {
  DeltaMessage,
  ErrorMessage,
  HeartbeatMessage,
  HelloMessage,
  NotificationMessage,
  ResumedMessage,
  ServerMessage,
  SnapshotMessage,
} from '../shared/protocol/messages.js';

/**
 * Writes the JSON Schema of every stream message (docs/protocol.md) into docs/schemas/, from
 * the zod schemas the engine and the sync client validate with, so the documentation cannot
 * drift from the code: test/docsProtocol.test.ts fails when the files are stale.
 *
 *   npm run docs:schemas            (builds, then writes docs/schemas/*.json)
 */

interface SchemaMeta {
  /** Set on the shared pieces: they go into `$defs` under this name instead of being inlined. */
  id?: string;
  title?: string;
  description?: string;
}

/** One file per message, plus the union each side receives. */
const files: ReadonlyArray<{ file: string; schema: z.ZodType; meta: SchemaMeta }> = [
  {
    file: 'hello.json',
    schema: HelloMessage,
    meta: {
      title: 'hello (console → engine)',
      description:
        'The first and only message a console sends, right after the connection opens. With `resume` it asks for what it missed since `seq` of stream `streamId`.',
    },
  },
  {
    file: 'snapshot.json',
    schema: SnapshotMessage,
    meta: {
      title: 'snapshot (engine → console)',
      description:
        'One part of the live set at `seq`: open alerts, the most recently resolved ones, alert sources, users. Parts are numbered from 0; apply them together once the part with `final: true` arrived. Alert sources and users come in part 0.',
    },
  },
  {
    file: 'resumed.json',
    schema: ResumedMessage,
    meta: {
      title: 'resumed (engine → console)',
      description:
        'The engine still held everything after the console’s `resume.seq`: the missed deltas follow, the first with `from` equal to `seq`.',
    },
  },
  {
    file: 'delta.json',
    schema: DeltaMessage,
    meta: {
      title: 'delta (engine → console)',
      description:
        'Changes that take the console from sequence `from` to `seq`. A console whose last sequence is not `from` missed something and must reconnect with resume.',
    },
  },
  {
    file: 'heartbeat.json',
    schema: HeartbeatMessage,
    meta: {
      title: 'heartbeat (engine → console)',
      description:
        'Sent when nothing else was sent for a while; `seq` is the last sequence sent to this console. Another `seq` than the console’s own means a gap.',
    },
  },
  {
    file: 'error.json',
    schema: ErrorMessage,
    meta: {
      title: 'error (engine → console)',
      description:
        'Why the engine is about to close the connection; the close code follows (docs/protocol.md, close codes).',
    },
  },
  {
    file: 'notification.json',
    schema: NotificationMessage,
    meta: {
      title: 'notification (engine → the consoles of one user)',
      description:
        'A notification for the person the connection is signed in as, to raise natively (the tray). Outside the sequence: no `seq`, never replayed; the same `id` may come twice after an engine crash.',
    },
  },
  {
    file: 'server-message.json',
    schema: ServerMessage,
    meta: {
      title: 'Any message from the engine',
      description: 'Every frame the engine sends is one of these, told apart by `type`.',
    },
  },
];

/** Pieces several messages share, named in `$defs`. */
const shared: ReadonlyArray<[z.ZodType, SchemaMeta]> = [
  [AlertSummary, { id: 'AlertSummary', description: 'An alert as a queue row shows it.' }],
  [AlertSource, { id: 'AlertSource', description: 'An inbound integration (never its key).' }],
  [User, { id: 'User' }],
  [
    StoredSchedule,
    {
      id: 'Schedule',
      description:
        'An on-call schedule as stored: the model of docs/schedules.md with its version, plus createdAt and updatedAt.',
    },
  ],
  [
    Change,
    {
      id: 'Change',
      description:
        'One change, carrying the entity’s whole new state (or its removal): applying it twice, or only the newest of several changes to one entity, gives the same result.',
    },
  ],
];

/** The JSON Schema documents, by file name, as they are written. */
export function protocolSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const { file, schema, meta } of files) {
    const registry = z.registry<SchemaMeta>();
    for (const [piece, pieceMeta] of shared) if (piece !== schema) registry.add(piece, pieceMeta);
    registry.add(schema, meta);
    // `input`: what a receiver accepts. Server messages allow fields a newer engine may add.
    const json = z.toJSONSchema(schema, {
      metadata: registry,
      io: 'input',
      target: 'draft-2020-12',
    });
    out.set(file, `${JSON.stringify(json, null, 2)}\n`);
  }
  return out;
}

/** Replaces the JSON files of `dir` with freshly generated ones. */
export function writeProtocolSchemas(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) if (old.endsWith('.json')) rmSync(join(dir, old));
  const written: string[] = [];
  for (const [file, text] of protocolSchemas()) {
    writeFileSync(join(dir, file), text);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // npm runs scripts from the package root.
  const dir = resolve(process.argv[2] ?? 'docs/schemas');
  const written = writeProtocolSchemas(dir);
  process.stdout.write(`wrote ${written.length} schemas to ${dir}\n`);
}

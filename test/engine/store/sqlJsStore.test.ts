import {
  cpSync,
  existsSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../../engine/store/sqljs/dataDirLock.js';
import { migrations } from '../../../engine/store/sqljs/migrations.js';
import { SqlJsStore } from '../../../engine/store/sqljs/sqlJsStore.js';
import { JournalGapError } from '../../../engine/store/sqljs/recovery.js';
import type { Commit } from '../../../engine/store/store.js';
import { tempDataDir } from '../../helpers/testEngine.js';

const clock = { now: () => 1_800_000_000_000 };
const dirs: string[] = [];
const open = async (dir: string, segmentBytes?: number) =>
  (await SqlJsStore.open({ dir, clock, ...(segmentBytes ? { segmentBytes } : {}) })).store;
const newDir = () => {
  const dir = tempDataDir('nocturne-store-');
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function addSources(store: SqlJsStore, from: number, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      store.write(async (tx) => {
        const n = from + i;
        await tx.alertSources.insert({
          name: `source ${n}`,
          integrationKey: `key-${n}`,
          escalationPolicyId: null,
          createdAt: n,
          updatedAt: n,
        });
      }),
    ),
  );
}

const names = (store: SqlJsStore) =>
  store.read(async (tx) => (await tx.alertSources.list()).map((s) => s.name));

/** What a crash leaves: the files as they are on disk while the store is still open. */
function crashCopy(dir: string): string {
  const copy = newDir();
  for (const name of readdirSync(dir)) {
    if (name !== 'LOCK') cpSync(join(dir, name), join(copy, name));
  }
  return copy;
}

describe('the embedded store', () => {
  it('creates the schema at the newest migration version', async () => {
    const store = await open(newDir());
    expect(await store.read(async () => 0)).toBe(0);
    const version = await store.read(
      async () =>
        (store as unknown as { db: { get(sql: string): { user_version: number } } }).db.get(
          'PRAGMA live.user_version',
        ).user_version,
    );
    expect(version).toBe(migrations.length);
    await store.close();
  });

  it('answers a write only once it is in the journal on disk, and recovers it after a crash', async () => {
    const dir = newDir();
    const store = await open(dir);
    await addSources(store, 1, 50);
    const crashed = crashCopy(dir); // as if the process died right after the answers
    await store.close();
    const recovered = await open(crashed);
    expect(await names(recovered)).toHaveLength(50);
    await recovered.close();
  });

  it('rolls back a transaction that throws: nothing of it is kept or journaled', async () => {
    const dir = newDir();
    const store = await open(dir);
    await addSources(store, 1, 1);
    await expect(
      store.write(async (tx) => {
        await tx.alertSources.insert({
          name: 'half',
          integrationKey: 'half',
          escalationPolicyId: null,
          createdAt: 1,
          updatedAt: 1,
        });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await names(store)).toEqual(['source 1']);
    const crashed = crashCopy(dir);
    await store.close();
    const recovered = await open(crashed);
    expect(await names(recovered)).toEqual(['source 1']);
    await recovered.close();
  });

  it('drops a torn journal tail at start-up and keeps everything before it', async () => {
    const dir = newDir();
    const store = await open(dir);
    await addSources(store, 1, 10);
    const crashed = crashCopy(dir);
    await store.close();
    const segment = readdirSync(crashed)
      .filter((n) => n.startsWith('journal-'))
      .sort()
      .at(-1)!;
    appendFileSync(
      join(crashed, segment),
      '0badc0de {"seq": 999, "ops": [["INSERT INTO alert_sour',
    );
    const sizeBefore = statSync(join(crashed, segment)).size;
    const { store: recovered, report } = await SqlJsStore.open({ dir: crashed, clock });
    expect(report.tornBytes).toBeGreaterThan(0);
    expect(statSync(join(crashed, segment)).size).toBeLessThan(sizeBefore); // cut off, never read again
    expect(await names(recovered)).toHaveLength(10);
    await addSources(recovered, 11, 1); // and it goes on appending cleanly
    const again = crashCopy(crashed);
    await recovered.close();
    const reopened = await open(again);
    expect(await names(reopened)).toHaveLength(11);
    await reopened.close();
  });

  it('refuses to start when a journal segment is missing', async () => {
    const dir = newDir();
    const store = await open(dir);
    // Closed segments without a checkpoint (which would prune them): rotate by hand.
    const rotate = () =>
      (store as unknown as { journal: { rotate(): Promise<number> } }).journal.rotate();
    await addSources(store, 1, 10);
    await rotate();
    await addSources(store, 11, 10);
    await rotate();
    await addSources(store, 21, 10);
    const crashed = crashCopy(dir);
    await store.close();
    const segments = readdirSync(crashed)
      .filter((n) => n.startsWith('journal-'))
      .sort();
    expect(segments).toHaveLength(3);
    expect(readdirSync(crashed).filter((n) => n.startsWith('snapshot-'))).toHaveLength(0);
    rmSync(join(crashed, segments[1]!));
    await expect(SqlJsStore.open({ dir: crashed, clock })).rejects.toThrow(JournalGapError);
  });

  it('builds snapshots in a worker from full journal segments and prunes what they cover', async () => {
    const dir = newDir();
    const store = await open(dir, 16 * 1024);
    for (let i = 0; i < 10; i += 1) await addSources(store, i * 20 + 1, 20);
    const seq = await store.checkpoint();
    expect(seq).toBe(store.health().seq);
    const files = readdirSync(dir);
    expect(files.filter((n) => n.startsWith('snapshot-'))).toHaveLength(1);
    expect(files.filter((n) => n.startsWith('journal-'))).toHaveLength(1); // only the open one
    const crashed = crashCopy(dir);
    await store.close();
    const { store: recovered, report } = await SqlJsStore.open({ dir: crashed, clock });
    expect(report.snapshotSeq).toBe(seq);
    expect(report.replayedRecords).toBe(0);
    expect(await names(recovered)).toHaveLength(200);
    await recovered.close();
  });

  it('writes a final snapshot on close, so the next start loads it without replay', async () => {
    const dir = newDir();
    const store = await open(dir);
    await addSources(store, 1, 30);
    await store.close();
    expect(readdirSync(dir).filter((n) => n.startsWith('journal-'))).toHaveLength(0);
    const { store: reopened, report } = await SqlJsStore.open({ dir, clock });
    expect(report.replayedRecords).toBe(0);
    expect(await names(reopened)).toHaveLength(30);
    await reopened.close();
  });

  it('tells listeners about durable commits in sequence order, once each', async () => {
    const store = await open(newDir());
    const seen: Commit[] = [];
    store.onCommit((c) => seen.push(c));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.write(async (tx) => tx.publish({ kind: 'user.removed', id: String(i) })),
      ),
    );
    // Publishing without writing journals nothing, so nothing is announced.
    expect(seen).toHaveLength(0);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.write(async (tx) => {
          await tx.alertSources.insert({
            name: `s${i}`,
            integrationKey: `k${i}`,
            escalationPolicyId: null,
            createdAt: i,
            updatedAt: i,
          });
          tx.publish({ kind: 'alertSource.removed', id: String(i) });
        }),
      ),
    );
    expect(seen.map((c) => c.seq)).toEqual([...seen.map((c) => c.seq)].sort((a, b) => a - b));
    expect(new Set(seen.map((c) => c.seq)).size).toBe(20);
    expect(seen.every((c) => c.seq <= store.health().durableSeq)).toBe(true);
    await store.close();
  });

  it('refuses a data directory another running engine holds, and takes over a stale lock', async () => {
    const dir = newDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    });
    try {
      writeFileSync(join(dir, 'LOCK'), String(holder.pid));
      await expect(open(dir)).rejects.toThrow(DataDirLockedError);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    const store = await open(dir); // its owner is gone: stale
    expect(existsSync(join(dir, 'LOCK'))).toBe(true);
    await store.close();
    expect(existsSync(join(dir, 'LOCK'))).toBe(false);
  });

  it('refuses a data directory written by a newer schema, saying what to do', async () => {
    const dir = newDir();
    const store = await open(dir);
    await store.write(async () => {
      (store as unknown as { db: { run(sql: string): void } }).db.run(
        'PRAGMA live.user_version = 999',
      );
    });
    const crashed = crashCopy(dir);
    await store.close().catch(() => undefined);
    await expect(open(crashed)).rejects.toThrow(/newer Nocturne/);
  });
});

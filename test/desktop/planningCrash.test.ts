import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlanningDb } from '../../main/planning/planningDb.js';

const dir = mkdtempSync(join(tmpdir(), 'nocturne-planning-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const writer = new URL('./fixtures/draftWriter.ts', import.meta.url).pathname;

/** Runs the writer until it printed `count` more saves (plus a random bit), then SIGKILLs it. */
function writeThenKill(file: string, first: number, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file, String(first)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const saved: number[] = [];
    let buffered = '';
    let killing = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^saved (\d+)$/.exec(line);
        if (match) saved.push(Number(match[1]));
      }
      if (!killing && saved.length >= count) {
        killing = true;
        // Somewhere inside the next write: before, during or after its temp file and rename.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 3);
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed (${signal})`));
      else resolve(saved);
    });
  });
}

describe('offline drafts survive a crash', () => {
  it('SIGKILL mid-write never loses a saved draft nor corrupts the database', async () => {
    const file = join(dir, 'planning.sqlite');
    const confirmed: number[] = [];
    let next = 0;
    for (let round = 0; round < 4; round++) {
      const saved = await writeThenKill(file, next, 15 + round * 5);
      confirmed.push(...saved);
      const db = await PlanningDb.open(file);
      const users = db.drafts('e1').map((d) => (d.payload as { userId: string }).userId);
      db.close();
      // Every draft reported saved is there; at most the one being written when killed is extra.
      for (const n of confirmed) expect(users).toContain(`user-${n}`);
      expect(users.length - confirmed.length).toBeGreaterThanOrEqual(0);
      expect(users.length - confirmed.length).toBeLessThanOrEqual(round + 1);
      next = Math.max(...confirmed) + 1000;
    }
    // Temp files a kill left are removed when the database is opened again.
    expect(readdirSync(dir)).toEqual(['planning.sqlite']);
  }, 90_000);
});

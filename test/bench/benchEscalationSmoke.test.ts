import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OffsetClock } from '../../bench/escalation/offsetClock.js';
import { figures, renderTable } from '../../bench/escalation/report.js';
import { runScenario } from '../../bench/escalation/scenario.js';
import { parseBenchArgs } from '../../bench/escalation/settings.js';

/** `npm run bench:escalation` in miniature: every figure is produced; never how fast. */
describe('escalation benchmark', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'nocturne-bench-escalation-smoke-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('maps engine due times to the real time they came, across jumps', async () => {
    const clock = new OffsetClock();
    const before = Date.now();
    clock.jump(60_000);
    const jumpedAt = Date.now();
    // Passed by the jump: it came at the jump.
    expect(clock.realTimeOf(before + 30_000)).toBeGreaterThanOrEqual(before);
    expect(clock.realTimeOf(before + 30_000)).toBeLessThanOrEqual(jumpedAt);
    // Reached as time flowed before the jump, and after it.
    expect(clock.realTimeOf(before - 1_000)).toBe(before - 1_000);
    expect(clock.realTimeOf(jumpedAt + 60_000 + 5_000)).toBe(jumpedAt + 5_000);
  });

  it('escalates every alert three levels and reports each phase', async () => {
    const settings = { ...parseBenchArgs(['--quick'])!, alerts: 60, spreadSeconds: 1 };
    const results = await runScenario(settings, dataDir, () => undefined);
    for (const phase of [results.create, results.steady, results.burst]) {
      expect(phase.steps).toBe(60);
      expect(phase.latency.p99Ms).toBeGreaterThanOrEqual(0);
    }
    expect(results.burstWork.escalate).toBe(60);
    expect(results.outboxEntries).toBeGreaterThanOrEqual(180);
    const line = figures(results, settings);
    expect(line).toMatchObject({ benchmark: 'escalation', alerts: 60, burstSteps: 60 });
    expect(typeof line.dueStepsPerSecond).toBe('number');
    expect(typeof line.lagP99Ms).toBe('number');
    expect(renderTable(results, settings)).toContain('level 3, all 60 due at one instant');
  }, 60_000);
});

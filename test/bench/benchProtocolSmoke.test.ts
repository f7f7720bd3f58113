import { describe, expect, it } from 'vitest';
import { figures, renderTable } from '../../bench/protocol/report.js';
import { runProtocolBench, validators } from '../../bench/protocol/scenario.js';
import { parseBenchArgs } from '../../bench/protocol/settings.js';

/** `npm run bench:protocol` in miniature: every figure is produced; never how fast. */
describe('protocol benchmark', () => {
  it('times every validator on a part and on the whole snapshot', async () => {
    const settings = { ...parseBenchArgs(['--quick'])!, alerts: 300, partSize: 100, runs: 2 };
    const results = await runProtocolBench(settings, () => undefined);
    expect(results).toMatchObject({ alerts: 300, parts: 3, partAlerts: 100 });
    const line = figures(results, settings, 0.5);
    expect(line).toMatchObject({ benchmark: 'protocol', alerts: 300, parts: 3, runs: 2 });
    for (const name of Object.keys(validators)) {
      expect(typeof line[`${name}PartMedianMs`], name).toBe('number');
      expect(typeof line[`${name}SnapshotMinMs`], name).toBe('number');
      expect(typeof line[`${name}SnapshotGcMs`], name).toBe('number');
    }
    expect(renderTable(results, settings, 0.5)).toContain('compiled check (no eval)');
  });

  it('refuses an option it does not know, and explains itself', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/fast/);
    expect(parseBenchArgs(['--help'])).toBeNull();
    expect(parseBenchArgs([])).toEqual({ alerts: 10_000, partSize: 2_000, runs: 30 });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { runOne, type ConsoleRun } from './scenario.js';
import type { ConsoleBenchSettings } from './settings.js';

/** Every run of the settings, one fresh engine each, in one Chromium with a fresh profile. */
export async function runConsoleBench(
  settings: ConsoleBenchSettings,
  log: (line: string) => void,
): Promise<ConsoleRun[]> {
  const tempRoot = mkdtempSync(join(tmpdir(), 'nocturne-bench-console-'));
  log(`data in ${tempRoot}${settings.keepData ? ' (kept)' : ''}`);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs],
    env: { ...process.env, TZ: 'UTC', HOME: tempRoot },
  });
  try {
    const runs: ConsoleRun[] = [];
    for (const alerts of settings.alertCounts) {
      log(`${alerts} alerts:`);
      runs.push(await runOne(browser, settings, alerts, tempRoot, log));
    }
    return runs;
  } finally {
    await browser.close();
    if (!settings.keepData) rmSync(tempRoot, { recursive: true, force: true });
  }
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A real OS notification on Linux, end to end: under a virtual X server and a private D-Bus
 * session, the dunst notification daemon runs; our notifier module (node-notifier → notify-send)
 * raises a HIGH alert notification; `dunstctl` must show it displayed, with our summary, body,
 * app name and critical urgency (it stays until dismissed: timeout 0).
 */
const tools = ['xvfb-run', 'dbus-run-session', 'dunst', 'dunstctl', 'notify-send'];
const missing =
  process.platform !== 'linux'
    ? ['Linux']
    : tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const reason = `needs ${missing.join(', ')} (apt-get install xvfb dbus dunst libnotify-bin)`;
if (missing.length)
  console.warn(
    `\n${'!'.repeat(72)}\nSKIPPED: desktop notification end-to-end test — ${reason}\n${'!'.repeat(72)}\n`,
  );

const fixture = fileURLToPath(new URL('./fixtures/raiseNotification.ts', import.meta.url));

describe('native notification under dunst', () => {
  it.skipIf(missing.length > 0)(
    `the notifier raises a notification that dunst displays${missing.length ? ` (SKIPPED: ${reason})` : ''}`,
    () => {
      const script = [
        'dunst >/dev/null 2>&1 &',
        'sleep 0.7',
        `"${process.execPath}" --import tsx "${fixture}" || exit 3`,
        'sleep 0.3',
        'echo "COUNT=$(dunstctl count displayed)"',
        'dunstctl close-all',
        'sleep 0.2',
        'echo HISTORY:',
        'dunstctl history',
      ].join('\n');
      const run = spawnSync('xvfb-run', ['-a', 'dbus-run-session', '--', 'sh', '-c', script], {
        encoding: 'utf8',
        timeout: 60_000,
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/^COUNT=1$/m);
      const history = JSON.parse(run.stdout.slice(run.stdout.indexOf('HISTORY:') + 8)) as {
        data: Array<Array<Record<string, { data: unknown }>>>;
      };
      const shown = history.data[0]!.map((n) => ({
        summary: n.summary!.data,
        body: n.body!.data,
        appname: n.appname!.data,
        timeout: n.timeout!.data,
      }));
      expect(shown).toEqual([
        {
          summary: 'HIGH: Disk full on db-1',
          body: 'Source: Prometheus · critical',
          appname: 'Nocturne',
          timeout: 0,
        },
      ]);
    },
  );
});

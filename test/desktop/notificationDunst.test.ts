import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A real OS notification on Linux, end to end: under a virtual X server and a private D-Bus
 * session, the dunst notification daemon runs; our notifier module raises a HIGH alert
 * notification; `dunstctl` must show it displayed, with our summary, body, app name and critical
 * urgency (it stays until dismissed: timeout 0). Twice: through node-notifier (where notify-send
 * has no `--action`), and through the Linux notifier, whose click `dunstctl action 0` simulates
 * and which must report it with the alert's id.
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

// The click test also needs a notify-send with `--action` (libnotify 0.7.10+).
const help = missing.length
  ? ''
  : spawnSync('notify-send', ['--help'], { encoding: 'utf8' }).stdout;
const missingForClick = missing.length
  ? missing
  : /--action[=\s]/.test(help ?? '')
    ? []
    : ['a notify-send with --action (libnotify-bin 0.7.10 or later)'];
const clickReason = `needs ${missingForClick.join(', ')} (apt-get install xvfb dbus dunst libnotify-bin)`;
if (missingForClick.length && !missing.length)
  console.warn(
    `\n${'!'.repeat(72)}\nSKIPPED: notification click end-to-end test — ${clickReason}\n${'!'.repeat(72)}\n`,
  );

const fixture = fileURLToPath(new URL('./fixtures/raiseNotification.ts', import.meta.url));

describe('native notification under dunst', () => {
  it.skipIf(missing.length > 0)(
    `the notifier raises a notification that dunst displays${missing.length ? ` (SKIPPED: ${reason})` : ''}`,
    () => {
      const script = [
        'dunst >/dev/null 2>&1 &',
        'sleep 0.7',
        `"${process.execPath}" --import tsx "${fixture}" node-notifier || exit 3`,
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

  it.skipIf(missingForClick.length > 0)(
    `a click on the notification focuses its alert${missingForClick.length ? ` (SKIPPED: ${clickReason})` : ''}`,
    () => {
      const script = [
        'dunst >/dev/null 2>&1 &',
        'sleep 0.7',
        'OUT=$(mktemp)',
        `"${process.execPath}" --import tsx "${fixture}" click >"$OUT" &`,
        'FIXTURE=$!',
        // Wait for the notification on screen (tsx compiles first), at most 15 s.
        'i=0; while [ "$(dunstctl count displayed)" != 1 ] && [ $i -lt 150 ]; do sleep 0.1; i=$((i+1)); done',
        'echo "COUNT=$(dunstctl count displayed)"',
        // The default action of the topmost notification: what a click on its body does.
        'dunstctl action 0',
        'wait $FIXTURE; echo "FIXTURE=$?"',
        'cat "$OUT"',
        'echo "AFTER=$(dunstctl count displayed)"',
        // notify-send processes of this D-Bus session (not the machine's) still running.
        'LEFT=0; for p in $(pgrep -x notify-send); do grep -qzx "DBUS_SESSION_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS" /proc/$p/environ 2>/dev/null && LEFT=$((LEFT+1)); done',
        'echo "LEFT=$LEFT"',
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
      expect(run.stdout, run.stderr).toMatch(/^FIXTURE=0$/m);
      expect(run.stdout).toMatch(/^ACTIONS=true$/m);
      expect(run.stdout).toMatch(/^CLICKED embedded\/43$/m);
      // The click closed it, and no notify-send is left waiting.
      expect(run.stdout).toMatch(/^AFTER=0$/m);
      expect(run.stdout).toMatch(/^LEFT=0$/m);
      const history = JSON.parse(run.stdout.slice(run.stdout.indexOf('HISTORY:') + 8)) as {
        data: Array<Array<Record<string, { data: unknown }>>>;
      };
      const shown = history.data[0]!.map((n) => ({
        summary: n.summary!.data,
        body: n.body!.data,
        appname: n.appname!.data,
        timeout: n.timeout!.data,
        action: n.default_action_name?.data,
      }));
      expect(shown).toEqual([
        {
          summary: 'HIGH: Disk full on db-2',
          // Escaped: dunst shows the tags as text instead of rendering them.
          body: 'Source: Prometheus · &lt;b&gt;critical&lt;/b&gt; &amp; paging',
          appname: 'Nocturne',
          timeout: 0,
          action: 'default',
        },
      ]);
    },
  );
});

import { startEngine, type Engine } from '../engine.js';
import { EngineError } from '../errors.js';
import { seedDemo, type DemoSeed } from '../demo/seedDemo.js';
import { parseServeOptions, serveHelp, UsageError } from './serveOptions.js';
import type { SmtpSettings } from '../notifications/channels/emailChannel.js';

const isLoopback = (host: string) => host === '127.0.0.1' || host === '::1' || host === 'localhost';

/** Where email notifications go, never with the credentials of the SMTP URL. */
function smtpLine(smtp: SmtpSettings | null | undefined): string {
  if (!smtp) return 'off: email notifications are skipped (set NOCTURNE_SMTP_URL to send them)';
  try {
    const url = new URL(smtp.url);
    return `via ${url.protocol}//${url.host}, from ${smtp.from}`;
  } catch {
    return `via the SMTP server given, from ${smtp.from}`;
  }
}

function banner(
  engine: Engine,
  host: string,
  demo: DemoSeed | null,
  smtp: SmtpSettings | null | undefined,
): string {
  const { url } = engine;
  const ws = url.replace(/^http/, 'ws');
  const s = engine.startup;
  const lines = [
    `Nocturne engine ${engine.version} listening on ${url}`,
    `  started in ${s.seconds.toFixed(2)} s (snapshot at ${s.snapshotSeq}, ${s.replayedRecords} journal records replayed${s.tornBytes ? `, ${s.tornBytes} torn bytes dropped` : ''})`,
    `  stream:  ${ws}/api/v1/stream`,
    `  ingest:  ${url}/api/events (ilert)  ${url}/v2/enqueue (PagerDuty v2)  ${url}/api/v1/alertmanager/<integration key>`,
    `  console: ${url}/   (the operator console: open it in a browser)`,
    `  health:  ${url}/healthz   metrics: ${url}/metrics`,
    `  email:   ${smtpLine(smtp)}`,
  ];
  if (!isLoopback(host) && !url.startsWith('https')) {
    lines.push(
      '',
      `WARNING: listening on ${host} without TLS: API tokens cross the network in clear text.`,
      '         Serve HTTPS with --tls-cert <file> --tls-key <file>, or keep --host 127.0.0.1.',
    );
  }
  const token = engine.bootstrap.createdAdminToken;
  lines.push('');
  if (token) {
    lines.push(
      'First start: created the admin user. Its API token is shown this once; keep it safe:',
      '',
      `  ${token}`,
      '',
      `Sign in:  open ${url}/ in a browser and paste the token,`,
      `     or:  curl -H "Authorization: Bearer ${token}" ${url}/api/v1/me`,
    );
  } else {
    lines.push(
      `Sign in with the admin API token printed at this data directory's first start (or the one given with --admin-token):`,
      `  open ${url}/ in a browser and paste it, or: curl -H "Authorization: Bearer <token>" ${url}/api/v1/me`,
    );
  }
  if (engine.bootstrap.adminTokenRevoked) {
    lines.push(
      '',
      'WARNING: the --admin-token given was revoked through the API and does not work.',
      '         Start with another --admin-token to register a new one for the admin.',
    );
  }
  if (demo) {
    lines.push(
      '',
      `Demo data seeded. Alerts escalate along "${demo.policyName}": whoever is on call in "${demo.scheduleName}", then the team.`,
      'Alert sources and their integration keys:',
    );
    for (const source of demo.sources)
      lines.push(`  ${source.name.padEnd(32)} ${source.integrationKey}`);
    const am = demo.sources[0]!.integrationKey;
    lines.push(
      '',
      `  Viewer token for a wall screen (shown once): ${demo.viewerToken}`,
      `  Wall screen: open ${url}/wall?token=${demo.viewerToken} once (the token is kept, then hidden)`,
      '',
      'Send an alert:',
      `  curl -X POST ${url}/api/events -H 'Content-Type: application/json' \\`,
      `       -d '{"integrationKey":"${demo.sources[2]!.integrationKey}","eventType":"ALERT","summary":"Hello from curl","alertKey":"hello"}'`,
      `  Alertmanager webhook URL: ${url}/api/v1/alertmanager/${am}`,
    );
  }
  return lines.join('\n');
}

/** `nocturne serve`: start headless, print where and how to sign in, stop cleanly on a signal. */
export async function serveCommand(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseServeOptions(argv, process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`nocturne serve: ${error.message}\n\n${serveHelp}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(serveHelp);
    return 0;
  }
  let engine: Engine;
  try {
    engine = await startEngine(options.engine);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? `Port ${options.engine.port} on ${options.engine.host} is in use by another program. Stop it, or choose another with --port.`
        : code === 'EACCES'
          ? `Not allowed to listen on ${options.engine.host}:${options.engine.port} (ports below 1024 need privileges); choose another with --port.`
          : error instanceof EngineError || error instanceof Error
            ? error.message
            : String(error);
    process.stderr.write(`nocturne: could not start: ${message}\n`);
    return 1;
  }
  const demo = options.demo ? await seedDemo(engine.context) : null;
  process.stdout.write(
    `${banner(engine, options.engine.host ?? '127.0.0.1', demo, options.engine.notifications?.smtp)}\n`,
  );

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        process.stderr.write(`nocturne: ${signal} again, exiting now\n`);
        process.exit(130);
      }
      stopping = true;
      process.stdout.write(
        `nocturne: ${signal}: finishing requests under way and writing a snapshot…\n`,
      );
      engine.close().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`nocturne: shutdown failed: ${(error as Error).message}\n`);
          resolve(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

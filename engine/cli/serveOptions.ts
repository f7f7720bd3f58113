import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultIngestRateLimit, defaultPort, type EngineOptions } from '../engine.js';
import type { NotificationSettings } from '../notifications/notificationSettings.js';
import { parseAllowList } from '../notifications/webhookTarget.js';

export class UsageError extends Error {}

export const defaultSmtpFrom = 'Nocturne <nocturne@localhost>';

export const serveHelp = `Usage: nocturne serve [options]

Starts the alert engine headless.

  --port <n>            port to listen on (default ${defaultPort}; 0 picks a free one)   env NOCTURNE_PORT
  --host <addr>         address to listen on (default 127.0.0.1: this machine only)   env NOCTURNE_HOST
  --data <dir>          data directory (default: ${defaultDataDir()})              env NOCTURNE_DATA
  --admin-token <t>     use this admin API token (noc_…) instead of generating one    env NOCTURNE_ADMIN_TOKEN
  --demo                seed demo people, on-call, escalation, sources and alerts (empty engine)
  --tls-cert <file>     PEM certificate: serve HTTPS and WSS (needs --tls-key)
  --tls-key <file>      PEM private key of the certificate
  --allow-origin <o>    also let web pages from this origin open the stream (repeatable)
  --ingest-rate <n>     requests per second one integration key may send (default ${defaultIngestRateLimit.perSecond}; 0 = no limit)
  --ingest-burst <n>    requests one key may send at once (default ${defaultIngestRateLimit.burst})
  --smtp-url <url>      SMTP server for email notifications: smtp://user:pass@host:587
                        or smtps://…:465 (prefer the env: arguments show in ps)       env NOCTURNE_SMTP_URL
  --smtp-from <addr>    sender of notification emails (default: ${defaultSmtpFrom})
                                                                                      env NOCTURNE_SMTP_FROM
  --webhook-allow <r>   let webhooks reach this private address or CIDR range, e.g.
                        10.1.2.3 or 10.0.0.0/8 (repeatable; env: comma-separated)     env NOCTURNE_WEBHOOK_ALLOW
  --public-url <url>    where people open this engine, for links in notifications    env NOCTURNE_PUBLIC_URL
  -h, --help            this text

Tuning (environment): NOCTURNE_SEGMENT_MB  journal megabytes between snapshots (default 64)
`;

/** Where data lives when --data is not given: the platform's per-user data folder. */
export function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Nocturne');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Nocturne');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'nocturne');
}

function integer(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${text}").`);
  }
  return n;
}

function segmentBytes(text: string): number {
  const mb = Number(text);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 4096) {
    throw new UsageError(
      `NOCTURNE_SEGMENT_MB must be a number of megabytes from 0.01 to 4096 (got "${text}").`,
    );
  }
  return Math.round(mb * 1024 * 1024);
}

/** The notification settings from flags and environment (docs/notifications.md). */
function notificationSettings(
  parsed: {
    'smtp-url'?: string;
    'smtp-from'?: string;
    'webhook-allow'?: string[];
    'public-url'?: string;
  },
  env: NodeJS.ProcessEnv,
): NotificationSettings {
  const smtpUrl = parsed['smtp-url'] ?? env.NOCTURNE_SMTP_URL;
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new UsageError(
      '--smtp-url must look like smtp://user:password@mail.example.com:587 (or smtps:// for TLS on 465).',
    );
  }
  const allow =
    parsed['webhook-allow'] ??
    (env.NOCTURNE_WEBHOOK_ALLOW ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
  try {
    parseAllowList(allow);
  } catch (error) {
    throw new UsageError(`--webhook-allow: ${(error as Error).message}`);
  }
  const publicUrl = parsed['public-url'] ?? env.NOCTURNE_PUBLIC_URL;
  if (publicUrl !== undefined && !/^https?:\/\/[^/]/.test(publicUrl)) {
    throw new UsageError('--public-url must be an http(s) URL, such as https://noc.example.com.');
  }
  return {
    smtp: smtpUrl
      ? { url: smtpUrl, from: parsed['smtp-from'] ?? env.NOCTURNE_SMTP_FROM ?? defaultSmtpFrom }
      : null,
    webhookAllow: allow,
    ...(publicUrl ? { publicUrl } : {}),
  };
}

export interface ServeOptions {
  readonly engine: EngineOptions;
  readonly demo: boolean;
  readonly help: boolean;
}

/** Parses `nocturne serve` arguments; flags win over environment variables. */
export function parseServeOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ServeOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'admin-token': { type: 'string' },
        demo: { type: 'boolean' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'ingest-rate': { type: 'string' },
        'ingest-burst': { type: 'string' },
        'smtp-url': { type: 'string' },
        'smtp-from': { type: 'string' },
        'webhook-allow': { type: 'string', multiple: true },
        'public-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const certFile = parsed['tls-cert'];
  const keyFile = parsed['tls-key'];
  if (Boolean(certFile) !== Boolean(keyFile)) {
    throw new UsageError('--tls-cert and --tls-key go together: give both, or neither.');
  }
  const perSecond =
    integer('ingest-rate', parsed['ingest-rate'], 0, 1_000_000) ?? defaultIngestRateLimit.perSecond;
  const burst =
    integer('ingest-burst', parsed['ingest-burst'], 1, 10_000_000) ??
    Math.max(defaultIngestRateLimit.burst, perSecond);
  const adminToken = parsed['admin-token'] ?? env.NOCTURNE_ADMIN_TOKEN;
  return {
    help: parsed.help ?? false,
    demo: parsed.demo ?? false,
    engine: {
      dataDir: resolve(parsed.data ?? env.NOCTURNE_DATA ?? defaultDataDir()),
      host: parsed.host ?? env.NOCTURNE_HOST ?? '127.0.0.1',
      port: integer('port', parsed.port ?? env.NOCTURNE_PORT, 0, 65535) ?? defaultPort,
      ...(adminToken ? { adminToken } : {}),
      tls: certFile && keyFile ? { certFile, keyFile } : null,
      allowedOrigins: parsed['allow-origin'] ?? [],
      ingestRateLimit: { perSecond, burst },
      notifications: notificationSettings(parsed, env),
      ...(env.NOCTURNE_SEGMENT_MB ? { segmentBytes: segmentBytes(env.NOCTURNE_SEGMENT_MB) } : {}),
    },
  };
}

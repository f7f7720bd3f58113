import { describe, expect, it } from 'vitest';
import { parseServeOptions, UsageError } from '../../../engine/cli/serveOptions.js';

/** `nocturne serve` flags and environment for notifications (docs/notifications.md). */
describe('serve options: notifications', () => {
  const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) =>
    parseServeOptions(['--data', '/tmp/nocturne-x', ...argv], env).engine.notifications;

  it('takes SMTP, the webhook allow-list and the public URL from flags', () => {
    expect(
      parse([
        '--smtp-url',
        'smtps://noc:secret@smtp.example.com:465',
        '--smtp-from',
        'NOC <noc@example.com>',
        '--webhook-allow',
        '10.0.0.0/8',
        '--webhook-allow',
        '127.0.0.1',
        '--public-url',
        'https://noc.example.com',
      ]),
    ).toEqual({
      smtp: { url: 'smtps://noc:secret@smtp.example.com:465', from: 'NOC <noc@example.com>' },
      webhookAllow: ['10.0.0.0/8', '127.0.0.1'],
      publicUrl: 'https://noc.example.com',
    });
  });

  it('takes them from the environment, flags winning', () => {
    const env = {
      NOCTURNE_SMTP_URL: 'smtp://mail.example.com:587',
      NOCTURNE_WEBHOOK_ALLOW: '10.1.0.0/16, 192.168.1.5',
    };
    expect(parse([], env)).toEqual({
      smtp: { url: 'smtp://mail.example.com:587', from: 'Nocturne <nocturne@localhost>' },
      webhookAllow: ['10.1.0.0/16', '192.168.1.5'],
    });
    expect(parse(['--webhook-allow', '10.9.9.9'], env)?.webhookAllow).toEqual(['10.9.9.9']);
    expect(parse([])).toEqual({ smtp: null, webhookAllow: [] });
  });

  it.each([
    [['--smtp-url', 'mail.example.com'], /--smtp-url must look like smtp:\/\//],
    [['--webhook-allow', 'intranet'], /--webhook-allow: "intranet" is not an IP address/],
    [['--public-url', 'noc.example.com'], /--public-url must be an http\(s\) URL/],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(argv)).toThrow(UsageError);
    expect(() => parse(argv)).toThrow(message);
  });
});

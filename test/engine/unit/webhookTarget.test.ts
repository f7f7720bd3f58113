import { describe, expect, it } from 'vitest';
import {
  TargetRefusedError,
  WebhookTargetGuard,
} from '../../../engine/notifications/webhookTarget.js';

/** The SSRF rules of outbound webhooks (ARCHITECTURE.md, "Security model"). */
describe('webhook target guard', () => {
  const guard = new WebhookTargetGuard();

  it.each([
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/], // AWS, GCP, Azure metadata
    ['100.100.100.200', /carrier-grade NAT/], // Alibaba Cloud metadata
    ['0.0.0.0', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['::1', /loopback/],
    ['fe80::1', /link-local/],
    ['fd00:ec2::254', /private/], // AWS metadata over IPv6
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:10.0.0.1', /private/],
    ['64:ff9b::a00:1', /reserved/], // NAT64 of 10.0.0.1
    ['2002:a00:1::', /reserved/], // 6to4 of 10.0.0.1
  ])('refuses %s', (address, why) => {
    expect(guard.problem(address)).toMatch(why);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('allows %s', (address) => {
    expect(guard.problem(address)).toBeNull();
  });

  it('allows what the allow-list names, and only that', () => {
    const allowing = new WebhookTargetGuard(['10.0.0.0/8', '127.0.0.1', 'fd00::/8']);
    expect(allowing.problem('10.200.0.1')).toBeNull();
    expect(allowing.problem('::ffff:10.1.1.1')).toBeNull();
    expect(allowing.problem('127.0.0.1')).toBeNull();
    expect(allowing.problem('127.0.0.2')).toMatch(/loopback/);
    expect(allowing.problem('192.168.0.1')).toMatch(/private/);
    expect(allowing.problem('fd00:ec2::254')).toBeNull();
    expect(() => new WebhookTargetGuard(['10.0.0.0/33'])).toThrow(/not an IP address or a CIDR/);
    expect(() => new WebhookTargetGuard(['intranet'])).toThrow(/not an IP address or a CIDR/);
  });

  it('judges URL hosts without DNS: literals and localhost', () => {
    expect(guard.hostProblem('[::1]')).toBe('::1 is a loopback address (this machine)');
    expect(guard.hostProblem('localhost')).toMatch(/^localhost is a loopback/);
    expect(guard.hostProblem('api.localhost')).toMatch(/loopback/);
    expect(guard.hostProblem('hooks.slack.com')).toBeNull();
    expect(guard.hostProblem('93.184.216.34')).toBeNull();
  });

  it('refuses a name that resolves to a refused address, in the lookup the connection uses', async () => {
    const error = await new Promise<Error | null>((resolve) =>
      guard.lookup('localhost', { all: true }, (err) => resolve(err)),
    );
    expect(error).toBeInstanceOf(TargetRefusedError);
    expect(error?.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    const allowing = new WebhookTargetGuard(['127.0.0.0/8', '::1']);
    const addresses = await new Promise<unknown>((resolve, reject) =>
      allowing.lookup('localhost', { all: true }, (err, found) =>
        err ? reject(err) : resolve(found),
      ),
    );
    expect(addresses).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]),
    );
  });
});

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Why an address is refused, by ipaddr.js's range name. Anything not listed is "reserved". */
const rangeWords: Readonly<Record<string, string>> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  uniqueLocal: 'a private network address (IPv6 unique local)',
  linkLocal: 'a link-local address (where cloud metadata services answer)',
  carrierGradeNat:
    'a shared (carrier-grade NAT) address, where some cloud metadata services answer',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/** A webhook target the SSRF rules refuse (docs/notifications.md, "Where webhooks may go"). */
export class TargetRefusedError extends Error {
  readonly code = 'NOCTURNE_TARGET_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'TargetRefusedError';
  }
}

/** Parses `--webhook-allow` entries: CIDRs (`10.1.0.0/16`, `fd00::/8`) or single addresses. */
export function parseAllowList(entries: readonly string[]): Array<[Address, number]> {
  return entries.map((entry) => {
    const text = entry.trim();
    try {
      if (text.includes('/')) return ipaddr.parseCIDR(text);
      const address = ipaddr.parse(text);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    } catch {
      throw new Error(
        `"${entry}" is not an IP address or a CIDR range (such as 10.1.0.0/16 or 127.0.0.1).`,
      );
    }
  });
}

/**
 * Where outbound webhooks may connect (ARCHITECTURE.md, "Security model"): public unicast
 * addresses only — loopback, private, link-local (cloud metadata), shared, multicast and every
 * reserved range are refused unless an allow-list range contains the address. The check is made
 * on the address actually connected to: IP literals before connecting, names in the DNS lookup
 * the connection uses (so a name cannot resolve to one address for the check and another for
 * the connection), and again for every redirect.
 */
export class WebhookTargetGuard {
  private readonly allowed: ReadonlyArray<[Address, number]>;

  constructor(allow: readonly string[] = []) {
    this.allowed = parseAllowList(allow);
  }

  /** Why `address` (an IP) may not be reached, or null if it may. */
  problem(address: string): string | null {
    let parsed: Address;
    try {
      // process(): an IPv4-mapped IPv6 address (::ffff:10.0.0.1) is judged as the IPv4 one.
      parsed = ipaddr.process(address);
    } catch {
      return 'not an IP address';
    }
    if (this.allowed.some(([range, bits]) => sameKind(parsed, range) && parsed.match(range, bits)))
      return null;
    const range = parsed.range();
    if (range === 'unicast') return null;
    return rangeWords[range] ?? `a reserved address (${range})`;
  }

  /**
   * Why a webhook URL's host may not be reached, judged without DNS (for rule validation): an
   * IP literal outside the allowed ranges, or `localhost`. Null: its name is checked when sent.
   */
  hostProblem(hostname: string): string | null {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const isLocalhost = host === 'localhost' || host.endsWith('.localhost');
    if (!isLocalhost && !ipaddr.isValid(host)) return null;
    const problem = this.problem(isLocalhost ? '127.0.0.1' : host);
    return problem && `${host} is ${problem}`;
  }

  /** A DNS lookup for `http.request` that refuses names resolving to a refused address. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(
      hostname,
      {
        all: true,
        family: options.family ?? 0,
        ...(options.hints ? { hints: options.hints } : {}),
      },
      (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0);
        for (const { address } of addresses) {
          const problem = this.problem(address);
          if (problem) {
            return callback(
              new TargetRefusedError(`${hostname} resolves to ${address}, ${problem}`),
              '',
              0,
            );
          }
        }
        const first = addresses[0];
        if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
    );
  };
}

const sameKind = (a: Address, b: Address) => a.kind() === b.kind();

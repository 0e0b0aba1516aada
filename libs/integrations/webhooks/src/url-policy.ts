import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Which rule an endpoint URL broke: the typed problem names it. */
export const WEBHOOK_URL_RULES = ['invalid_url', 'https_required', 'credentials_in_url', 'private_address', 'unresolvable'] as const;
export type WebhookUrlRuleName = (typeof WEBHOOK_URL_RULES)[number];

export interface UrlRefusal {
  rule: WebhookUrlRuleName;
  message: string;
}

export interface UrlPolicyOptions {
  /** HEARTH_ENV=production: https only. */
  production: boolean;
  /** WEBHOOKS_ALLOW_PRIVATE_NETWORKS: tests and the demo. */
  allowPrivateNetworks: boolean;
}

/** Resolves a host name to every address it has (injectable for tests). */
export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );

/**
 * Addresses an endpoint may never be: "this" network, private (RFC 1918), shared (CGNAT),
 * loopback, link-local (cloud metadata lives at 169.254.169.254), benchmarking, multicast and
 * reserved; for IPv6 unspecified, loopback, unique-local, link-local, multicast, and IPv4 ones
 * written as IPv6 (mapped or NAT64).
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['2001:db8::', 32], ['100::', 64],
] as const) BLOCKED.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is one webhooks may not be delivered to (unless private networks are allowed). */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** The URL's shape alone: scheme, credentials. Returns the parsed URL or the broken rule. */
export function checkUrlShape(raw: string, options: UrlPolicyOptions): URL | UrlRefusal {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { rule: 'invalid_url', message: `"${raw}" is not an absolute URL` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { rule: 'invalid_url', message: `Webhook endpoints are http(s) URLs, not ${url.protocol}` };
  }
  if (options.production && url.protocol !== 'https:') {
    return { rule: 'https_required', message: 'Webhook endpoints must use https' };
  }
  if (url.username || url.password) {
    return { rule: 'credentials_in_url', message: 'Webhook URLs may not carry a user name or password; verify our signature instead' };
  }
  return url;
}

/** The host as an IP literal, if it is one (`[::1]` → `::1`). */
function literalAddress(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? host : undefined;
}

/**
 * The whole policy, as checked when an endpoint is registered and again before each delivery:
 * the URL's shape, its literal address, and every address its host name resolves to. (The
 * delivery also checks the address it actually connects to: see `guardedLookup`.)
 */
export async function checkWebhookUrl(raw: string, options: UrlPolicyOptions, resolve: Resolver = systemResolver): Promise<UrlRefusal | null> {
  const url = checkUrlShape(raw, options);
  if (!(url instanceof URL)) return url;
  if (options.allowPrivateNetworks) return null;
  const literal = literalAddress(url);
  let addresses: string[];
  if (literal) {
    addresses = [literal];
  } else {
    try {
      addresses = await resolve(url.hostname);
    } catch (error) {
      return { rule: 'unresolvable', message: `${url.hostname} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    if (!addresses.length) return { rule: 'unresolvable', message: `${url.hostname} has no addresses` };
  }
  const blocked = addresses.find(isBlockedAddress);
  if (blocked) {
    return {
      rule: 'private_address',
      message: `${url.hostname} ${literal ? 'is' : `resolves to`} ${blocked}, a private, loopback or link-local address; webhooks go to the public internet`,
    };
  }
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses blocked addresses at connection time, so a host name
 * that changes its answer between the check and the connection (DNS rebinding) gains nothing.
 */
export function guardedLookup(allowPrivateNetworks: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const allowed = allowPrivateNetworks ? addresses : addresses.filter((a) => !isBlockedAddress(a.address));
      if (!allowed.length) {
        const refused = Object.assign(new Error(`${hostname} resolves only to private or loopback addresses`), { code: 'EWEBHOOKPRIVATE' });
        return callback(refused, []);
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

import { BlockList, isIP } from 'node:net';
import { PrivetError } from '../domain/errors.ts';

/** Whether http:// and loopback targets are allowed (PRIVET_WEBHOOKS_ALLOW_LOCAL); private networks never are. */
export interface TargetPolicy {
  readonly allowLocal: boolean;
}

// Addresses a webhook must never reach from the server (SSRF): the organisation's own networks, link-local
// cloud metadata services, multicast and reserved space. Loopback is listed apart, as tests need it.
const privateNetworks = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateNetworks.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  // NAT64 would smuggle an IPv4 address past the IPv4 rules (BlockList already maps ::ffff:a.b.c.d onto them).
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateNetworks.addSubnet(network, prefix, 'ipv6');
}
const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Why an address may not be reached, or undefined when it may. */
export function refusedAddress(address: string, policy: TargetPolicy): string | undefined {
  const family = isIP(address);
  if (family === 0) return `${address} is not an IP address`;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(address, type)) {
    return policy.allowLocal ? undefined : `${address} is a loopback address`;
  }
  return privateNetworks.check(address, type) ? `${address} is in a private or reserved network` : undefined;
}

/**
 * Parses and checks a webhook URL: https only (http too when local targets are allowed), no credentials,
 * and a literal IP host must be public. Host names are checked again on every connection (see guardedLookup).
 */
export function checkWebhookUrl(raw: string, policy: TargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PrivetError('validation_failed', 'url: not a valid URL', {
      issues: [{ code: 'invalid_url', path: '/url', message: 'not a valid URL' }],
    });
  }
  const refuse = (code: string, message: string): never => {
    throw new PrivetError('validation_failed', `url: ${message}`, {
      issues: [{ code, path: '/url', message }],
    });
  };
  const schemes = policy.allowLocal ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) refuse('insecure_url', 'must be an https:// URL');
  if (url.username !== '' || url.password !== '') refuse('credentials_in_url', 'must not hold credentials');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  const refusal = literal ? refusedAddress(host, policy) : undefined;
  if (refusal !== undefined) refuse('private_target', refusal);
  if (!literal && !policy.allowLocal && /(^|\.)(localhost|local|internal)$/i.test(host)) {
    refuse('private_target', `${host} names a local host`);
  }
  return url;
}

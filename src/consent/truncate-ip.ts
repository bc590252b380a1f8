import { isIPv4, isIPv6 } from 'node:net';

function expandIpv6(address: string): number[] | undefined {
  const [head = '', tail, ...rest] = address.split('::');
  if (rest.length > 0) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => Number.parseInt(h, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  return [...left, ...Array<number>(missing).fill(0), ...right];
}

/**
 * Reduces a client address to its network so that the ledger never holds a full IP: IPv4 keeps /24
 * (`203.0.113.77` → `203.0.113.0`), IPv6 keeps /48 (`2001:db8:85a3:8d3::1` → `2001:db8:85a3::`).
 * IPv4-mapped IPv6 (`::ffff:203.0.113.77`) is treated as IPv4; anything else becomes undefined.
 */
export function truncateIp(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const ip = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const v4 = mapped ?? ip;
  if (isIPv4(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0`;
  if (!isIPv6(ip) || ip.includes('.')) return undefined;
  const groups = expandIpv6(ip);
  if (groups === undefined) return undefined;
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::`;
}

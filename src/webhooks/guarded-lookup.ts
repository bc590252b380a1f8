import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { refusedAddress, type TargetPolicy } from './target-policy.ts';

/**
 * A DNS lookup for outgoing webhook connections that refuses private addresses. Checking the address the
 * socket really connects to (rather than the URL beforehand) also defeats DNS rebinding.
 */
export function guardedLookup(policy: TargetPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const allowed = addresses.filter((a) => refusedAddress(a.address, policy) === undefined);
      if (allowed.length === 0) {
        const reason = addresses[0] ? refusedAddress(addresses[0].address, policy) : 'no address';
        const refused = Object.assign(new Error(`Refused to connect to ${hostname}: ${reason}`), {
          code: 'EPRIVATE',
        });
        return callback(refused, '', 0);
      }
      if (options.all) return callback(null, allowed);
      const first = allowed[0] as LookupAddress;
      return callback(null, first.address, first.family);
    });
  };
}

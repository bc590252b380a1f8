import { describe, expect, it } from 'vitest';
import { truncateIp } from './truncate-ip.ts';

describe('truncateIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['10.1.2.3', '10.1.2.0'],
    ['::ffff:198.51.100.9', '198.51.100.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:db8::1', '2001:db8:0::'],
    ['::1', '0:0:0::'],
    ['fe80::1%eth0', 'fe80:0:0::'],
  ])('keeps only the network of %s', (ip, expected) => {
    expect(truncateIp(ip)).toBe(expected);
  });

  it.each(['', 'not-an-ip', '999.1.1.1', '1:2:3:4:5:6:7:8:9'])('stores nothing for %j', (ip) => {
    expect(truncateIp(ip)).toBeUndefined();
  });

  it('stores nothing when there is no address', () => {
    expect(truncateIp(undefined)).toBeUndefined();
  });
});

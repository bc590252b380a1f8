import { describe, expect, it } from 'vitest';
import { userAgentFamily } from './user-agent-family.ts';

describe('userAgentFamily', () => {
  it.each([
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.7000.12 Safari/537.36',
      'Chrome 156 / Linux',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      'Edge 131 / Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0',
      'Firefox 133 / macOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      'Safari 18 / iOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
      'Samsung Internet 26 / Android',
    ],
    ['curl/8.5.0', 'curl 8'],
    ['SomethingElse/1.0', 'Other'],
  ])('reduces %s', (ua, expected) => {
    expect(userAgentFamily(ua)).toBe(expected);
  });

  it('keeps nothing of an empty or missing header', () => {
    expect(userAgentFamily(undefined)).toBeUndefined();
    expect(userAgentFamily('  ')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { isPrivetError } from '../domain/errors.ts';
import { guardedLookup } from './guarded-lookup.ts';
import { postWebhook } from './post-webhook.ts';
import { checkWebhookUrl, refusedAddress } from './target-policy.ts';
import { startWebhookReceiver } from './testing/start-webhook-receiver.ts';

const strict = { allowLocal: false };
const local = { allowLocal: true };

function refusal(url: string, policy = strict): string | undefined {
  try {
    checkWebhookUrl(url, policy);
    return undefined;
  } catch (error) {
    if (!isPrivetError(error, 'validation_failed')) throw error;
    return error.issues[0]?.code;
  }
}

describe('webhook target policy (SSRF)', () => {
  it('accepts public https URLs only', () => {
    expect(refusal('https://hooks.example.com/privet')).toBeUndefined();
    expect(refusal('https://93.184.215.14/x')).toBeUndefined();
    expect(refusal('http://hooks.example.com/privet')).toBe('insecure_url');
    expect(refusal('ftp://hooks.example.com/')).toBe('insecure_url');
    expect(refusal('https://user:pw@hooks.example.com/')).toBe('credentials_in_url');
    expect(refusal('not a url')).toBe('invalid_url');
  });

  it('refuses private, link-local, loopback and mapped addresses', () => {
    for (const url of [
      'https://10.1.2.3/',
      'https://172.16.0.1/',
      'https://192.168.1.1/',
      'https://169.254.169.254/latest/meta-data',
      'https://127.0.0.1/',
      'https://0.0.0.0/',
      'https://[::1]/',
      'https://[fd00::1]/',
      'https://[fe80::1]/',
      'https://[::ffff:10.0.0.1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://localhost/',
      'https://db.internal/',
    ]) {
      expect(refusal(url), url).toBe('private_target');
    }
  });

  it('allows http and loopback only when the flag says so, never private networks', () => {
    expect(refusal('http://127.0.0.1:8080/hooks', local)).toBeUndefined();
    expect(refusal('http://localhost:8080/hooks', local)).toBeUndefined();
    expect(refusal('http://[::1]:8080/hooks', local)).toBeUndefined();
    expect(refusal('http://10.0.0.5/hooks', local)).toBe('private_target');
    expect(refusedAddress('169.254.169.254', local)).toMatch(/private or reserved/);
  });

  it('checks the address a host name resolves to at connection time', async () => {
    const lookup = (policy: { allowLocal: boolean }) =>
      new Promise<string>((resolve) => {
        guardedLookup(policy)('localhost', { family: 4 }, (error, address) =>
          resolve(error ? `error: ${error.message}` : JSON.stringify(address)),
        );
      });
    expect(await lookup(strict)).toMatch(
      /^error: Refused to connect to localhost: 127\.0\.0\.1 is a loopback/,
    );
    expect(await lookup(local)).toBe('"127.0.0.1"');
  });

  it(
    'posts to an allowed target and refuses a literal private one before connecting',
    { timeout: 30_000 },
    async () => {
      const receiver = await startWebhookReceiver();
      try {
        const allowed = await postWebhook(receiver.url, '{}', {}, local, AbortSignal.timeout(5_000));
        expect(allowed.statusCode).toBe(200);
        await expect(postWebhook(receiver.url, '{}', {}, strict, AbortSignal.timeout(5_000))).rejects.toThrow(
          /https/,
        );
        await expect(
          postWebhook('https://169.254.169.254/latest', '{}', {}, strict, AbortSignal.timeout(5_000)),
        ).rejects.toThrow(/private or reserved/);
        expect(receiver.received).toHaveLength(1);
      } finally {
        await receiver.close();
      }
    },
  );
});

import { describe, expect, it } from 'vitest';
import { redactUrlSecrets } from './redact-url-secrets.ts';

describe('redactUrlSecrets', () => {
  const url = 'smtps://mailer:p%40ss%2Fw0rd@smtp.example.com:465';

  it('removes the password in its encoded and decoded forms', () => {
    const text = `login failed for p%40ss%2Fw0rd (p@ss/w0rd) at ${url}`;
    const redacted = redactUrlSecrets(text, url);
    expect(redacted).not.toContain('w0rd');
    expect(redacted).toBe('login failed for *** (***) at smtps://mailer:***@smtp.example.com:465');
  });

  it('removes credentials of any URL in the text', () => {
    expect(redactUrlSecrets('via smtp://u:other-secret@relay.test:25', 'smtp://relay.test')).toBe(
      'via smtp://u:***@relay.test:25',
    );
  });

  it('removes a password holding an unescaped slash', () => {
    const bad = 'smtp://mailer:Sup3r/pw@relay.test';
    expect(redactUrlSecrets(`cannot use ${bad}; Sup3r/pw`, bad)).toBe(
      'cannot use smtp://mailer:***@relay.test; ***',
    );
  });

  it('handles an unparsable URL and a URL without password', () => {
    expect(redactUrlSecrets('x sec:ret y', 'smtp://u:sec:ret@[bad')).not.toContain('sec:ret');
    expect(redactUrlSecrets('nothing secret', 'smtp://relay.test')).toBe('nothing secret');
  });

  it('hides the raw and decoded password anywhere in a message', () => {
    const url = 'postgres://app:p%40ss-w0rd@db/shop';
    const text = `failed for ${url}; user app, password p@ss-w0rd, raw p%40ss-w0rd`;
    const hidden = redactUrlSecrets(text, url);
    expect(hidden).not.toContain('p@ss-w0rd');
    expect(hidden).not.toContain('p%40ss-w0rd');
    expect(hidden).toContain('postgres://app:***@db/shop');
  });
});

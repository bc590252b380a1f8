import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPrivetError } from '../domain/errors.ts';
import { renderMail } from './render-mail.ts';

const login = {
  name: 'Ada',
  url: 'https://privet.test/admin/login?token=abc&x=1',
  expiresAt: '2030-01-01 12:00 UTC',
};

describe('renderMail', () => {
  it('renders the English login link in subject, text and HTML', async () => {
    const mail = await renderMail({ template: 'admin-login-link', locale: 'en', data: login });
    expect(mail.locale).toBe('en');
    expect(mail.subject).toBe('Your Privet login link');
    expect(mail.text).toContain('Hello Ada,');
    expect(mail.text).toContain('https://privet.test/admin/login?token=abc&x=1');
    expect(mail.text).toContain('2030-01-01 12:00 UTC');
    expect(mail.html).toContain('href="https://privet.test/admin/login?token=abc&amp;x=1"');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('renders German', async () => {
    const mail = await renderMail({ template: 'admin-login-link', locale: 'de', data: login });
    expect(mail.locale).toBe('de');
    expect(mail.subject).toBe('Ihr Anmeldelink für Privet');
    expect(mail.text).toContain('Hallo Ada,');
    expect(mail.html).toContain('<html lang="de">');
    const test = await renderMail({ template: 'test-message', locale: 'de', data: { name: 'Ada' } });
    expect(test.subject).toBe('Testnachricht von Privet');
  });

  it('falls back from a regional tag to its language', async () => {
    const mail = await renderMail({ template: 'test-message', locale: 'de-AT', data: { name: 'Ada' } });
    expect(mail.locale).toBe('de');
    expect(mail.text).toContain('Hallo Ada,');
  });

  it.each([['fr'], ['xx-YY'], ['../../etc'], [undefined]])(
    'falls back to English for locale %s',
    async (locale) => {
      const mail = await renderMail({ template: 'test-message', locale, data: { name: 'Ada' } });
      expect(mail.locale).toBe('en');
      expect(mail.subject).toBe('Test message from Privet');
      expect(mail.text).toContain('Hello Ada,');
    },
  );

  it('names a missing variable', async () => {
    const error: unknown = await renderMail({
      template: 'admin-login-link',
      locale: 'de',
      data: { name: 'Ada', expiresAt: 'soon' },
    }).catch((e: unknown) => e);
    expect(isPrivetError(error)).toBe(true);
    expect((error as Error).message).toMatch(/admin-login-link.*"url"/);
  });

  it('escapes data in the HTML body only', async () => {
    const mail = await renderMail({
      template: 'test-message',
      data: { name: '<script>alert("x")</script> & co' },
    });
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('<script>alert("x")</script> & co');
  });

  it('rejects unknown and malformed template names', async () => {
    await expect(renderMail({ template: 'no-such-template', data: {} })).rejects.toThrow(
      /Unknown mail template/,
    );
    await expect(renderMail({ template: '../en/test-message', data: {} })).rejects.toThrow(
      /Invalid mail template/,
    );
  });

  it('keeps the subject on one line and never mixes locales', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'privet-mail-'));
    try {
      await mkdir(join(dir, 'en'));
      await mkdir(join(dir, 'de'));
      await writeFile(join(dir, 'en', 'hi.subject.txt'), 'Hi {{name}}\n');
      await writeFile(join(dir, 'en', 'hi.txt'), 'Hi {{name}}\n');
      await writeFile(join(dir, 'en', 'hi.html'), '<p>Hi {{name}}</p>\n');
      // German has a subject and text but no HTML: the whole message must come from English.
      await writeFile(join(dir, 'de', 'hi.subject.txt'), 'Hallo {{name}}\n');
      await writeFile(join(dir, 'de', 'hi.txt'), 'Hallo {{name}}\n');
      const mail = await renderMail(
        { template: 'hi', locale: 'de', data: { name: 'x\r\nBcc: victim@example.com' } },
        undefined,
        dir,
      );
      expect(mail.locale).toBe('en');
      expect(mail.subject).toBe('Hi x Bcc: victim@example.com');
      expect(mail.text).toBe('Hi x\r\nBcc: victim@example.com\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

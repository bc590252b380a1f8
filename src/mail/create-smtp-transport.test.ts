import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivetError } from '../domain/errors.ts';
import { createSmtpTransport } from './create-smtp-transport.ts';
import type { OutgoingMail } from './mail-transport.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../test/support/start-test-smtp-server.ts';

const password = 'Sup3r$ecret/pw';
const mail: OutgoingMail = {
  from: 'privacy@privet.test',
  to: 'ada@example.com',
  subject: 'Hello',
  text: 'Hello',
  html: '<p>Hello</p>',
  headers: {},
  messageId: '<m1@privet.test>',
  date: new Date('2030-01-01T00:00:00Z'),
};
const signal = new AbortController().signal;

describe('createSmtpTransport', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer({
      // A hostile or chatty server may echo the password back; it must still not reach our records.
      auth: {
        check: (user, pass) => (user === 'mailer' && pass === password ? undefined : `Bad login ${pass}`),
      },
    });
  });
  afterAll(async () => {
    await smtp.close();
  });

  const urlWith = (pass: string) => `smtp://mailer:${encodeURIComponent(pass)}@127.0.0.1:${smtp.port}`;

  it('logs in with the credentials of the URL and sends', async () => {
    const transport = createSmtpTransport(urlWith(password));
    try {
      expect(await transport.send(mail, signal)).toMatchObject({ status: 'sent' });
      expect(smtp.received).toHaveLength(1);
    } finally {
      transport.close();
    }
  });

  it('reports a refused login without the password', async () => {
    const wrong = 'Wr0ng/pa$$word';
    const transport = createSmtpTransport(urlWith(wrong));
    try {
      const outcome = await transport.send(mail, signal);
      expect(outcome.status).toBe('refused');
      if (outcome.status !== 'refused') return;
      expect(outcome.permanent).toBe(true);
      expect(outcome.error).toContain('535');
      expect(outcome.error).toContain('Bad login ***');
      expect(outcome.error).not.toContain(wrong);
      expect(outcome.error).not.toContain(encodeURIComponent(wrong));
    } finally {
      transport.close();
    }
  });

  it('refuses a URL that is not SMTP, without echoing its password', () => {
    let thrown: unknown;
    try {
      createSmtpTransport(`http://mailer:${password}@example.com`);
    } catch (error) {
      thrown = error;
    }
    expect(isPrivetError(thrown, 'config_invalid')).toBe(true);
    expect((thrown as Error).message).not.toContain(password);
    expect(() => createSmtpTransport('not a url')).toThrow(/smtp:\/\//);
  });
});

import { describe, expect, it } from 'vitest';
import { renderMail } from '../../mail/render-mail.ts';
import { loadMailTemplate } from '../../mail/load-mail-template.ts';
import { REQUEST_MESSAGES } from './send-request-message.ts';
import {
  samplePlaceholderValues,
  TEMPLATE_PLACEHOLDERS,
  unknownPlaceholders,
} from './template-placeholders.ts';

// Every variable any request template uses; a template needing one we never send fails here, not in production.
const data = {
  organisation: 'Acme GmbH',
  requestId: 'req_1',
  typeLabel: 'access to your data',
  dueOn: '2 March 2026',
  receivedOn: '30 January 2026',
  statusUrl: 'https://privacy.example/requests/status#token=t',
  verifyUrl: 'https://privacy.example/requests/verify#token=t',
  code: '123456',
  expiresAt: '30 Jan 2026, 10:10 CET',
  message: 'Please send an invoice number',
  reasons: 'Many systems',
  outcome: 'everything is done.',
  ground: 'manifestly excessive',
  reason: 'Third request in three months',
  supervisoryAuthority: 'BlnBDI <Berlin>',
  amount: '25.00',
  currency: 'EUR',
  title: 'Export the CRM',
  state: 'overdue',
  instructions: 'Use the export button',
  taskUrl: 'https://privacy.example/admin/requests/req_1',
};

describe('request message templates', () => {
  it.each(
    [...REQUEST_MESSAGES, 'task-reminder'].flatMap((m) =>
      (['en', 'de'] as const).map((l) => [m, l] as const),
    ),
  )('request-%s renders in %s', async (message, locale) => {
    const mail = await renderMail({ template: `request-${message}`, locale, data });
    expect(mail.locale).toBe(locale);
    expect(mail.subject).not.toContain('{{');
    expect(mail.text).not.toContain('{{');
    expect(mail.html).not.toContain('<Berlin>');
  });
});

describe('request template placeholders', () => {
  it.each(REQUEST_MESSAGES.flatMap((m) => (['en', 'de'] as const).map((l) => [m, l] as const)))(
    'the shipped request-%s (%s) uses only the placeholders its sender fills',
    async (message, locale) => {
      const source = await loadMailTemplate(`request-${message}`, locale);
      expect(source.locale).toBe(locale);
      for (const text of [source.subject, source.text, source.html]) {
        expect(unknownPlaceholders(message, text)).toEqual([]);
      }
      const sample = samplePlaceholderValues(message, locale);
      expect(Object.keys(sample).sort()).toEqual([...TEMPLATE_PLACEHOLDERS[message]].sort());
    },
  );

  it('names placeholders the message lacks, once each, spaces trimmed', () => {
    expect(unknownPlaceholders('fee', '{{amount}} {{ iban }} {{iban}} {{}} {{code}}')).toEqual([
      'iban',
      '',
      'code',
    ]);
  });
});

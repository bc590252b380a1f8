import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { writeOrganisation } from '../../demo/organisation.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';

describe.each(storeKinds)('request message templates over the admin API (%s)', (kind) => {
  let t: TestApp;
  let admin: string;
  let operator: string;
  let viewer: string;
  const clock = fixedClock('2026-01-30T10:00:00Z');
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    key: string | undefined,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      ...(key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } }),
      ...(payload === undefined ? {} : { payload }),
    });
  const submit = (email: string, language: 'en' | 'de') =>
    call('POST', '/api/admin/requests', operator, {
      type: 'access',
      jurisdiction: 'gdpr',
      identity: { email },
      receivedAt: '2026-01-30T09:00:00Z',
      channel: 'email',
      language,
    });
  const outbox = (to: string) =>
    t.store.db
      .selectFrom('outbox')
      .select(['subject', 'text_body as text', 'html_body as html', 'locale', 'template'])
      .where('to_address', '=', to)
      .where('template', '=', 'request-acknowledgement')
      .executeTakeFirstOrThrow();
  const audit = (action: string) =>
    t.store.db
      .selectFrom('audit_log')
      .select(['actor', 'target', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    admin = await t.apiKey('admin');
    operator = await t.apiKey('operator');
    viewer = await t.apiKey('viewer');
    await writeOrganisation(
      t.store.db,
      {
        name: 'Acme GmbH',
        address: 'Hauptstr. 1, Berlin',
        email: 'privacy@acme.example',
        dpo: 'DPO',
        timeZone: 'Europe/Berlin',
        supervisoryAuthority: 'BlnBDI',
      },
      clock.now(),
    );
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it('lists every request message in English and German, shipped text first', async () => {
    expect((await call('GET', '/api/admin/request-templates', undefined)).statusCode).toBe(401);
    const res = await call('GET', '/api/admin/request-templates', viewer);
    expect(res.statusCode).toBe(200);
    const items: { message: string; language: string; customised: boolean; subject: string }[] =
      res.json().items;
    const names = new Set(items.map((i) => `${i.message}/${i.language}`));
    for (const message of ['acknowledgement', 'verification-code', 'extension', 'completion', 'refusal']) {
      expect(names).toContain(`${message}/en`);
      expect(names).toContain(`${message}/de`);
    }
    expect(items.every((i) => !i.customised)).toBe(true);
    const ackDe = items.find((i) => i.message === 'acknowledgement' && i.language === 'de');
    expect(ackDe?.subject).toContain('{{typeLabel}}');
    expect((await call('GET', '/api/admin/request-templates/nonsense/en', viewer)).statusCode).toBe(404);
    expect((await call('GET', '/api/admin/request-templates/refusal/fr', viewer)).statusCode).toBe(404);
  });

  it('refuses an unknown placeholder with 400 naming it, and writes by viewers or operators', async () => {
    const bad = await call('PUT', '/api/admin/request-templates/acknowledgement/de', admin, {
      subject: 'Eingang {{requestId}}',
      body: 'Hallo {{ customerNumber }}, Ihre Bestellung {{orderId}} …',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('{{customerNumber}}');
    expect(bad.json().error.message).toContain('{{orderId}}');
    expect(bad.json().error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'unknown_placeholder', path: 'body.body' })]),
    );
    // A placeholder another message has is still unknown here: the acknowledgement never sends a code.
    const other = await call('PUT', '/api/admin/request-templates/acknowledgement/de', admin, {
      subject: 'Code {{code}}',
      body: 'x',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.issues[0]).toMatchObject({ path: 'body.subject' });
    const valid = { subject: 'x', body: 'y' };
    expect(
      (await call('PUT', '/api/admin/request-templates/acknowledgement/de', viewer, valid)).statusCode,
    ).toBe(403);
    expect(
      (await call('PUT', '/api/admin/request-templates/acknowledgement/de', operator, valid)).statusCode,
    ).toBe(403);
    expect(
      (await call('DELETE', '/api/admin/request-templates/acknowledgement/de', operator)).statusCode,
    ).toBe(403);
    expect(await audit('request.template_update')).toHaveLength(0);
  });

  it('previews a draft with sample values, escaping them in HTML', async () => {
    const res = await call('POST', '/api/admin/request-templates/refusal/en/preview', viewer, {
      subject: 'Refused: {{requestId}}',
      body: 'Because it is {{ground}}.\n\nComplain to {{supervisoryAuthority}}.\nSee https://acme.example/rights',
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.subject).toBe('Refused: req_sample');
    expect(preview.text).toContain('Because it is manifestly excessive.');
    expect(preview.html).toContain('<a href="https://acme.example/rights">');
    expect(preview.html).toContain('<p>Because it is manifestly excessive.</p>');
    const shipped = await call('POST', '/api/admin/request-templates/extension/de/preview', viewer, {});
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json().text).toContain('Ihre Daten liegen in vielen Systemen.');
    const bad = await call('POST', '/api/admin/request-templates/refusal/en/preview', viewer, {
      body: '{{amount}}',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('{{amount}}');
  });

  it('sends the edited text in its language only, audits the change, and goes back on reset', async () => {
    const saved = await call('PUT', '/api/admin/request-templates/acknowledgement/de', admin, {
      subject: 'Eingang Ihres Antrags {{requestId}}',
      body: 'Guten Tag,\n\nIhr Antrag auf {{typeLabel}} ist da. Frist: {{dueOn}}.\nStatus: {{statusUrl}}\n\n{{organisation}}',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ customised: true, updatedBy: expect.stringMatching(/^key:/) });
    expect(saved.json().shipped.subject).not.toContain('Eingang Ihres Antrags');

    const de = (await submit('erika@example.com', 'de')).json();
    const deMail = await outbox('erika@example.com');
    expect(deMail.subject).toBe(`Eingang Ihres Antrags ${de.id}`);
    expect(deMail.text).toContain('Ihr Antrag auf Auskunft über Ihre Daten ist da. Frist: 2. März 2026.');
    expect(deMail.html).toMatch(/<a href="https?:\/\/[^"]+\/requests\/status#token=/);
    expect(deMail.locale).toBe('de');
    // The English template was not touched.
    await submit('jane@example.com', 'en');
    expect((await outbox('jane@example.com')).subject).toContain('We received your request');

    const updates = await audit('request.template_update');
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ target: 'request-template:acknowledgement/de' });
    expect(updates[0]?.actor).toMatch(/^key:/);

    const reset = await call('DELETE', '/api/admin/request-templates/acknowledgement/de', admin);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ customised: false, updatedAt: null });
    expect(reset.json().subject).toBe(reset.json().shipped.subject);
    await submit('max@example.com', 'de');
    expect((await outbox('max@example.com')).subject).not.toContain('Eingang Ihres Antrags');
    expect(await audit('request.template_reset')).toHaveLength(1);
  });
});

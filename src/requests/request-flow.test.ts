// A person's request end to end over HTTP against the seeded demo shop: submit, code from the outbox, verify,
// the engine runs in the worker, status page, download once; erasure removes Jane's personal fields.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { demoPeople } from '../demo/demo-shop/generate-demo-shop.ts';
import { systemClock } from '../domain/clock.ts';
import { waitFor } from '../jobs/job-test-kit.ts';
import { readZip } from './package/testing/read-zip.ts';
import { codeFromOutbox } from './testing/request-test-kit.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { storeKinds } from '../../test/support/test-stores.ts';

const jane = demoPeople.jane.email;

describe.each(storeKinds)('a request end to end against the demo shop (%s)', (kind) => {
  let t: TestApp;
  let viewer: string;
  const stop = new AbortController();
  let working: Promise<void>;

  beforeAll(async () => {
    t = await startTestApp({ kind });
    await seedDemo({ store: t.store, clock: systemClock, config: t.config });
    viewer = await t.apiKey('viewer');
    working = t.queue.work({ signal: stop.signal, concurrency: 2 });
  }, 120_000);
  afterAll(async () => {
    stop.abort();
    await working;
    await t.stop();
  });

  const submit = (email: string, type: string) =>
    t.app.inject({ method: 'POST', url: '/api/public/requests', payload: { type, email, language: 'en' } });
  const status = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/public/request-status', headers: { 'x-request-token': token } });
  const finished = async (id: string) =>
    waitFor(
      `request ${id} to finish`,
      async () => {
        const row = await t.store.db
          .selectFrom('requests')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirst();
        return row !== undefined && ['completed', 'partially_completed'].includes(row.status)
          ? row.status
          : undefined;
      },
      90_000,
    );

  it("access: verify by code, the package holds Jane's rows, downloaded once through a fresh code", async () => {
    const submitted = await submit(jane, 'access');
    expect(submitted.statusCode).toBe(202);
    const { requestId } = submitted.json();
    const code = await codeFromOutbox(t.store, jane);
    const verified = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${requestId}/verify`,
      payload: { code },
    });
    expect(verified.statusCode).toBe(200);
    const { statusToken } = verified.json();
    expect(verified.json().status).toBe('in_progress');
    expect(await finished(requestId)).toBe('completed');

    const page = (await status(statusToken)).json();
    expect(page).toMatchObject({
      id: requestId,
      type: 'access',
      status: 'completed',
      download: { available: true },
    });
    expect(page.timeline.map((e: { status?: string }) => e.status).filter(Boolean)).toEqual([
      'received',
      'verifying',
      'verified',
      'in_progress',
      'completed',
    ]);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/admin/requests/${requestId}`,
        headers: { authorization: `Bearer ${viewer}` },
      })
    ).json();
    expect(detail.tasks).toEqual([
      expect.objectContaining({ kind: 'automatic', target: 'demo_shop', status: 'done' }),
    ]);

    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/public/request-status/download-code',
      headers: { 'x-request-token': statusToken },
    });
    expect(asked.statusCode).toBe(202);
    const downloadCode = await codeFromOutbox(t.store, jane, 'request-download-code');
    const link = await t.app.inject({
      method: 'POST',
      url: '/api/public/request-status/download',
      headers: { 'x-request-token': statusToken },
      payload: { code: downloadCode },
    });
    expect(link.statusCode).toBe(200);
    const linkUrl = new URL(link.json().url);
    const path = `${linkUrl.pathname}${linkUrl.search}`;
    expect(linkUrl.pathname).toBe('/api/public/downloads');
    const zip = await t.app.inject({ method: 'GET', url: path });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const file = join(t.config.dataDir, 'check.zip');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, zip.rawPayload);
    const entries = await readZip(file);
    const customers = JSON.parse(entries.get('demo_shop/customers.json')?.data.toString('utf8') ?? '[]');
    expect(customers).toEqual([
      expect.objectContaining({ email: jane, first_name: 'Jane', last_name: 'Doe' }),
    ]);
    expect(
      JSON.parse(entries.get('demo_shop/orders.json')?.data.toString('utf8') ?? '[]').length,
    ).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(410);
  }, 120_000);

  it("erasure: after the run the demo shop holds none of Jane's personal fields", async () => {
    const { requestId } = (await submit(jane, 'erasure')).json();
    const code = await codeFromOutbox(t.store, jane);
    const verified = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${requestId}/verify`,
      payload: { code },
    });
    expect(verified.statusCode).toBe(200);
    expect(await finished(requestId)).toBe('completed');
    const shop = new SQLite(join(t.config.dataDir, 'demo-shop.db'), { readonly: true });
    try {
      expect(shop.prepare('SELECT count(*) AS n FROM customers WHERE email = ?').get(jane)).toEqual({ n: 0 });
      expect(
        shop
          .prepare("SELECT count(*) AS n FROM customers WHERE first_name = 'Jane' AND last_name = 'Doe'")
          .get(),
      ).toEqual({ n: 0 });
      expect(
        shop.prepare('SELECT count(*) AS n FROM customers WHERE email = ?').get(demoPeople.john.email),
      ).toEqual({ n: 1 });
    } finally {
      shop.close();
    }
  }, 120_000);

  it('rectification: the person picks fields from the data map, and the engine writes the new values', async () => {
    const john = demoPeople.john.email;
    const offered = await t.app.inject({ method: 'GET', url: '/api/public/requests/rectifiable-fields' });
    expect(offered.statusCode).toBe(200);
    const fields: { target: string; label: string }[] = offered.json().fields;
    const targets = fields.map((f) => f.target);
    expect(targets).toEqual(
      expect.arrayContaining(['demo_shop.customers.last_name', 'demo_shop.customers.email']),
    );
    // Keys, references and assigned identifiers are not the person's to correct.
    expect(targets).not.toContain('demo_shop.customers.id');
    expect(targets).not.toContain('demo_shop.customers.address_id');
    expect(targets).not.toContain('demo_shop.customers.loyalty_id');
    expect(fields.find((f) => f.target === 'demo_shop.customers.last_name')?.label).toBe('Last name');

    const body = (corrections: Record<string, string>) => ({
      type: 'rectification',
      email: john,
      language: 'en',
      details: { corrections, note: 'I married last year.' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/public/requests',
      payload: body({ 'demo_shop.customers.shoe_size': '44' }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('demo_shop.customers.shoe_size');

    const submitted = await t.app.inject({
      method: 'POST',
      url: '/api/public/requests',
      payload: body({ 'demo_shop.customers.last_name': 'Smythe' }),
    });
    expect(submitted.statusCode).toBe(202);
    const { requestId } = submitted.json();
    const staff = await t.app.inject({
      method: 'GET',
      url: `/api/admin/requests/${requestId}`,
      headers: { authorization: `Bearer ${viewer}` },
    });
    expect(staff.json().request.details).toEqual({
      corrections: { 'demo_shop.customers.last_name': 'Smythe' },
      note: 'I married last year.',
    });
    const code = await codeFromOutbox(t.store, john);
    const verified = await t.app.inject({
      method: 'POST',
      url: `/api/public/requests/${requestId}/verify`,
      payload: { code },
    });
    expect(verified.statusCode).toBe(200);
    expect(await finished(requestId)).toBe('completed');
    const shop = new SQLite(join(t.config.dataDir, 'demo-shop.db'), { readonly: true });
    try {
      expect(shop.prepare('SELECT first_name, last_name FROM customers WHERE email = ?').get(john)).toEqual({
        first_name: 'John',
        last_name: 'Smythe',
      });
    } finally {
      shop.close();
    }
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seedDemo } from '../../demo/seed-demo.ts';
import { systemClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('scan route', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let operator: Record<string, string>;
  let connectionId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo({ store: t.store, clock: systemClock, config: t.config });
    admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
    operator = { authorization: `Bearer ${await t.apiKey('operator')}` };
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/connections', headers: admin });
    connectionId = list.json().connections[0].id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const scan = (payload: object, headers = admin) =>
    t.app.inject({ method: 'POST', url: '/api/admin/datamap/scan', headers, payload });

  it('proposes a dataset of the demo shop with its YAML, stores nothing and audits the scan', async () => {
    const before = await t.app.inject({ method: 'GET', url: '/api/admin/datasets', headers: admin });
    const res = await scan({ connectionId });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const customers = body.dataset.collections.find((c: { name: string }) => c.name === 'customers');
    const email = customers.fields.find((f: { name: string }) => f.name === 'email');
    expect(email.data_categories).toEqual(['user.contact.email']);
    expect(email.fides_meta.identity).toBe('email');
    expect(email['x-privet'].confidence).toBeGreaterThan(0.6);
    expect(body.summary.otherSubjects).toContainEqual({ collection: 'staff', subject: 'employee' });
    expect(body.summary.notPersonalTables).toContain('products');
    const fromYaml = (parse(body.yaml) as { dataset: { fides_key: string }[] }).dataset[0];
    expect(fromYaml?.fides_key).toBe(body.dataset.fides_key);

    const after = await t.app.inject({ method: 'GET', url: '/api/admin/datasets', headers: admin });
    expect(after.json()).toEqual(before.json());
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/admin/audit?action=datamap.connection.scan',
      headers: admin,
    });
    expect(audit.body).toContain(`connection:${connectionId}`);
  });

  it('is for admins, and names a missing connection', async () => {
    expect((await scan({ connectionId }, operator)).statusCode).toBe(403);
    const missing = await scan({ connectionId: 'con_missing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });
});

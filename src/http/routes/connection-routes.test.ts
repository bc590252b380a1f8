import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';

const PASSWORD = 'Sup3r-Secret-Pw!';

describe.each(['sqlite', 'postgres'] as const)('connections on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const logs: string[] = [];
  const bodies: string[] = [];
  beforeAll(async () => {
    t = await startTestApp({ kind, logStream: { write: (line) => logs.push(line) } });
    admin = await t.apiKey('admin');
  });
  afterAll(async () => {
    await t.stop();
  });

  async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
    const res = await t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(payload ? { payload } : {}),
    });
    bodies.push(res.body);
    return res;
  }

  it('stores a connection sealed and shows it only without the password', async () => {
    const created = await call('POST', '/api/admin/connections', {
      name: 'shop-pg',
      url: `postgres://postgres:${encodeURIComponent(PASSWORD)}@127.0.0.1:5432/postgres`,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'shop-pg',
      engine: 'postgres',
      url: 'postgres://postgres:***@127.0.0.1:5432/postgres',
    });
    const row = await t.store.db.selectFrom('connections').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(encodeURIComponent(PASSWORD));
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    const tested = await call('POST', `/api/admin/connections/${created.json().id}/test`);
    expect(tested.statusCode).toBe(200);
    expect(tested.json().lastTest).toMatchObject({ ok: true, error: null });
  });

  it('reports a failed login without the password', async () => {
    const created = await call('POST', '/api/admin/connections', {
      name: 'shop-mysql',
      url: `mysql://root:${encodeURIComponent(PASSWORD)}@127.0.0.1:3306/test`,
    });
    const tested = await call('POST', `/api/admin/connections/${created.json().id}/test`);
    expect(tested.json().lastTest.ok).toBe(false);
    expect(tested.json().lastTest.error).toMatch(/denied|auth/i);
    await call('GET', '/api/admin/connections');
    await call('GET', `/api/admin/connections/${created.json().id}`);
    await call('GET', '/api/admin/audit?action=datamap.*');
  });

  it('rejects a URL it cannot use with a 400 that names the problem', async () => {
    const res = await call('POST', '/api/admin/connections', {
      name: 'bad',
      url: `ftp://u:${PASSWORD}@host/x`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('unsupported scheme');
  });

  it('never put the password in any response or log line', () => {
    expect(bodies.length).toBeGreaterThan(5);
    for (const text of [...bodies, ...logs]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(encodeURIComponent(PASSWORD));
    }
  });
});

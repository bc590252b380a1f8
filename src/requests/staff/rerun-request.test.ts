import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { newId } from '../../domain/ids.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds, testPostgresAdminUrl } from '../../../test/support/test-stores.ts';
import { executeRequest } from '../execution/execute-request.ts';
import { readZip } from '../package/testing/read-zip.ts';
import { latestPackage } from '../status/request-status-view.ts';

const CRM_DATASET = `dataset:
  - fides_key: crm
    collections:
      - name: contacts
        fields:
          - name: id
            data_categories: [system.operations]
            fides_meta: {primary_key: true, data_type: integer}
          - name: email
            data_categories: [user.contact.email]
            fides_meta: {identity: email, data_type: string}
          - name: name
            data_categories: [user.name]
            fides_meta: {data_type: string}
`;

describe.each(storeKinds)('re-running failed automatic tasks (%s)', (kind) => {
  let t: TestApp;
  let operator: string;
  const clock = fixedClock('2026-05-04T09:00:00Z');
  const call = (url: string, payload?: object) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${operator}` },
      ...(payload === undefined ? {} : { payload }),
    });
  const started = async (email: string): Promise<string> => {
    const created = await call('/api/admin/requests', {
      type: 'access',
      jurisdiction: 'gdpr',
      identity: { email },
      channel: 'email',
      verified: { note: 'known customer' },
    });
    const id = created.json().id as string;
    expect((await call(`/api/admin/requests/${id}/start`, {})).json().status).toBe('in_progress');
    return id;
  };
  const addTask = async (requestId: string, status: string, target = 'crm') => {
    const at = clock.now().toISOString();
    const id = newId('rqt', clock.now());
    await t.store.db
      .insertInto('request_tasks')
      .values({
        id,
        request_id: requestId,
        kind: 'automatic',
        target,
        title: `access: ${target}`,
        instructions: '',
        assignee_id: null,
        due_at: at,
        status,
        result: null,
        error: status === 'failed' ? 'connection refused' : null,
        upload_path: null,
        upload_sha256: null,
        reminded_at: null,
        created_at: at,
        updated_at: at,
        completed_at: status === 'failed' ? at : null,
        completed_by: status === 'failed' ? 'system' : null,
      })
      .execute();
    return id;
  };
  const task = (id: string) =>
    t.store.db.selectFrom('request_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const executeJobs = async (requestId: string) =>
    (
      await t.store.db.selectFrom('jobs').select(['payload']).where('kind', '=', 'requests.execute').execute()
    ).filter((j) => (JSON.parse(j.payload) as { requestId: string }).requestId === requestId).length;

  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    operator = await t.apiKey('operator');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it('re-queues the tasks an execute job left behind, audited with actor and reason', async () => {
    const id = await started('gaveup@example.com');
    const running = await addTask(id, 'running', 'shop');
    const failed = await addTask(id, 'failed', 'crm');
    const jobsBefore = await executeJobs(id);
    const res = await call(`/api/admin/requests/${id}/rerun`, { reason: 'CRM is back up' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('in_progress');
    for (const taskId of [running, failed]) {
      const row = await task(taskId);
      expect(row.status).toBe('pending');
      expect(row.error).toBeNull();
    }
    expect(await executeJobs(id)).toBe(jobsBefore + 1);
    const event = await t.store.db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', id)
      .where('kind', '=', 'action')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.message).toBe('Re-run of 2 failed automatic task(s)');
    expect(event.reason).toBe('CRM is back up');
    expect(event.actor).toMatch(/^(key|apikey):/);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'request.rerun')
      .where('target', '=', `request:${id}`)
      .executeTakeFirstOrThrow();
    expect(audit.actor).toBe(event.actor);
    expect(JSON.parse(audit.details)).toMatchObject({ reason: 'CRM is back up' });
  });

  it('reopens a request that failed on a database that was down, and completes it once the database is up', async () => {
    // A real failure: the CRM's database does not exist yet, so connecting to it fails.
    const name = `privet_crm_${randomBytes(5).toString('hex')}`;
    const crmUrl = new URL(testPostgresAdminUrl);
    crmUrl.pathname = `/${name}`;
    const admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/admin/datasets/import',
      headers: admin,
      payload: { yaml: CRM_DATASET },
    });
    expect(imported.statusCode).toBe(200);
    const connected = await t.app.inject({
      method: 'POST',
      url: '/api/admin/connections',
      headers: admin,
      payload: { name: 'CRM', url: crmUrl.toString(), datasetKey: 'crm' },
    });
    expect(connected.statusCode).toBe(201);

    const id = await started('partial@example.com');
    const tasks = await t.store.db
      .selectFrom('request_tasks')
      .select(['id', 'target'])
      .where('request_id', '=', id)
      .execute();
    expect(tasks.map((x) => x.target)).toEqual(['crm']);
    const crmTask = tasks[0]?.id ?? '';
    await executeRequest({ store: t.store, clock, config: t.config }, id, new AbortController().signal);
    const failed = await task(crmTask);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/does not exist/);
    const detail = async (): Promise<{ request: { status: string }; timeline: unknown[] }> =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/admin/requests/${id}`,
          headers: { authorization: `Bearer ${operator}` },
        })
      ).json();
    expect((await detail()).request.status).toBe('partially_completed');

    // The database comes up, holding the person's record.
    const server = new pg.Client({ connectionString: testPostgresAdminUrl });
    await server.connect();
    try {
      await server.query(`CREATE DATABASE ${name}`);
    } finally {
      await server.end();
    }
    const crm = new pg.Client({ connectionString: crmUrl.toString() });
    await crm.connect();
    try {
      await crm.query('CREATE TABLE contacts (id integer PRIMARY KEY, email text NOT NULL, name text)');
      await crm.query(
        "INSERT INTO contacts VALUES (1, 'partial@example.com', 'Pat Partial'), (2, 'other@example.com', 'O')",
      );
    } finally {
      await crm.end();
    }

    try {
      clock.advance(60_000);
      const res = await call(`/api/admin/requests/${id}/rerun`, { reason: 'connection restored' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'in_progress', completedAt: null });
      expect((await task(crmTask)).status).toBe('pending');
      const timeline = (await detail()).timeline as { kind: string; from: string; to: string }[];
      expect(
        timeline.some(
          (e) => e.kind === 'status' && e.from === 'partially_completed' && e.to === 'in_progress',
        ),
      ).toBe(true);

      await executeRequest({ store: t.store, clock, config: t.config }, id, new AbortController().signal);
      expect((await task(crmTask)).status).toBe('done');
      expect((await detail()).request.status).toBe('completed');
      const pkg = await latestPackage(t, id, clock.now().toISOString());
      const zip = await readZip(pkg?.path ?? '');
      const rows = [...zip.entries()].find(([path]) => path.endsWith('contacts.json'))?.[1].data.toString();
      expect(JSON.parse(rows ?? '[]')).toEqual([
        { id: 1, email: 'partial@example.com', name: 'Pat Partial' },
      ]);
    } finally {
      // Later requests here must not get a task for the CRM.
      await t.app.inject({
        method: 'DELETE',
        url: `/api/admin/connections/${connected.json().id}`,
        headers: admin,
      });
      const cleanup = new pg.Client({ connectionString: testPostgresAdminUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    }
  }, 120_000);

  it('refuses when nothing failed, for closed requests, and without a reason', async () => {
    const id = await started('fine@example.com');
    await addTask(id, 'done', 'crm');
    const nothing = await call(`/api/admin/requests/${id}/rerun`, { reason: 'just in case' });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.issues[0].code).toBe('nothing_to_rerun');
    expect((await call(`/api/admin/requests/${id}/rerun`, {})).statusCode).toBe(400);
    await executeRequest({ store: t.store, clock, config: t.config }, id, new AbortController().signal);
    const closed = await call(`/api/admin/requests/${id}/rerun`, { reason: 'again' });
    expect(closed.statusCode).toBe(409);
    expect(await executeJobs(id)).toBe(1);
  });
});

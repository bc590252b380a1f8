import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { newId } from '../../domain/ids.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { executeRequest } from '../execution/execute-request.ts';

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

  it('reopens a partially completed request; the worker runs the task again', async () => {
    const id = await started('partial@example.com');
    const failed = await addTask(id, 'pending', 'no-such-dataset');
    // No connection for the dataset: the task fails and the request ends partially completed.
    await executeRequest({ store: t.store, clock, config: t.config }, id, new AbortController().signal);
    expect((await task(failed)).status).toBe('failed');
    const detail = async (): Promise<{ request: { status: string }; timeline: unknown[] }> =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/admin/requests/${id}`,
          headers: { authorization: `Bearer ${operator}` },
        })
      ).json();
    expect((await detail()).request.status).toBe('partially_completed');

    const res = await call(`/api/admin/requests/${id}/rerun`, { reason: 'connection restored' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', completedAt: null });
    expect((await task(failed)).status).toBe('pending');
    const timeline = (await detail()).timeline as { kind: string; from: string; to: string }[];
    expect(
      timeline.some((e) => e.kind === 'status' && e.from === 'partially_completed' && e.to === 'in_progress'),
    ).toBe(true);

    await executeRequest({ store: t.store, clock, config: t.config }, id, new AbortController().signal);
    expect((await detail()).request.status).toBe('partially_completed');
  });

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

import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { latestPackage } from '../status/request-status-view.ts';
import { sendPendingPortability } from './portability-send-job.ts';

const SECRET = 'portability-shared-secret-0123';

interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

describe.each(storeKinds)('portability straight to another controller (%s)', (kind) => {
  let t: TestApp;
  let operator: string;
  let server: Server;
  let target: string;
  const received: Received[] = [];
  const answers: number[] = [];
  const clock = fixedClock('2026-07-01T08:00:00Z');
  const deps = () => ({ store: t.store, clock, config: t.config });
  const signal = new AbortController().signal;
  const call = (method: 'POST' | 'PUT', url: string, payload: object | Buffer, type?: string) =>
    t.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${operator}`,
        ...(type === undefined ? {} : { 'content-type': type }),
      },
      payload,
    });
  /** A portability request whose only task is a manual upload; uploading it completes the request. */
  const portability = async (email: string, to = target) => {
    const id = (
      await call('POST', '/api/admin/requests', {
        type: 'portability',
        jurisdiction: 'gdpr',
        identity: { email },
        channel: 'email',
        verified: { note: 'known customer' },
      })
    ).json().id as string;
    // Intake accepts https only; the test receiver is local http (allowed by PRIVET_WEBHOOKS_ALLOW_LOCAL).
    await t.store.db
      .updateTable('requests')
      .set({ details: JSON.stringify({ portabilityTarget: to }) })
      .where('id', '=', id)
      .execute();
    const task = await call('POST', `/api/admin/requests/${id}/tasks`, {
      target: 'crm',
      title: 'CRM export',
    });
    await call('POST', `/api/admin/requests/${id}/start`, {});
    const done = await call(
      'PUT',
      `/api/admin/request-tasks/${task.json().id as string}/upload?filename=crm.json`,
      Buffer.from('{"name":"A"}'),
      'application/json',
    );
    expect(done.statusCode).toBe(200);
    return id;
  };
  const events = (id: string) =>
    t.store.db
      .selectFrom('request_events')
      .select(['message', 'public', 'data'])
      .where('request_id', '=', id)
      .where('message', 'like', 'Portability:%')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.statusCode = answers.shift() ?? 202;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/inbox`;
    t = await startTestApp({
      kind,
      clock,
      env: { PRIVET_WEBHOOKS_ALLOW_LOCAL: 'true', PRIVET_PORTABILITY_SECRET: SECRET },
    });
    operator = await t.apiKey('operator');
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('POSTs the signed package once it is built; the person sees "sent to" and can still download', async () => {
    received.length = 0;
    const id = await portability('direct@example.com');
    expect(received).toHaveLength(1);
    const [got] = received;
    const pkg = await latestPackage(deps(), id, clock.now().toISOString());
    expect(pkg).toBeDefined();
    expect(got?.body.equals(await readFile(pkg?.path ?? ''))).toBe(true);
    expect(got?.headers['content-type']).toBe('application/zip');
    expect(got?.headers['privet-request-id']).toBe(id);
    const signature = String(got?.headers['privet-signature']);
    const ts = /t=(\d+)/.exec(signature)?.[1] ?? '';
    const mac = createHmac('sha256', SECRET)
      .update(`${ts}.`)
      .update(got?.body ?? Buffer.alloc(0))
      .digest('hex');
    expect(signature).toBe(`t=${ts},v1=${mac}`);
    const host = new URL(target).host;
    expect((await events(id)).map((e) => [e.message, e.public])).toEqual([
      [`Portability: sent to ${host}`, 1],
    ]);
    const status = (await events(id))[0]?.data ?? '{}';
    expect(JSON.parse(status)).toMatchObject({ sent: true, statusCode: 202 });
    // Nothing more to send: the schedule does not post it again.
    expect(await sendPendingPortability(deps(), signal)).toBe(0);
    expect(received).toHaveLength(1);
  });

  it('a refused delivery is recorded and retried by the schedule after its backoff', async () => {
    received.length = 0;
    answers.push(503);
    const id = await portability('retry@example.com');
    expect(received).toHaveLength(1);
    expect((await events(id)).map((e) => [e.message, e.public])).toEqual([
      [`Portability: sending to ${new URL(target).host} failed (HTTP 503)`, 0],
    ]);
    expect(await sendPendingPortability(deps(), signal)).toBe(0);
    expect(received).toHaveLength(1);
    clock.advance(61_000);
    expect(await sendPendingPortability(deps(), signal)).toBe(1);
    expect(received).toHaveLength(2);
    expect((await events(id)).at(-1)).toMatchObject({ public: 1 });
  });

  it('never connects to a private network address, whatever the target says', async () => {
    received.length = 0;
    const id = await portability('ssrf@example.com', 'https://10.0.0.7/inbox');
    expect(received).toHaveLength(0);
    const [event] = await events(id);
    expect(event?.public).toBe(0);
    expect(event?.message).toMatch(/^Portability: sending to 10\.0\.0\.7 failed \(.*private/);
  });
});

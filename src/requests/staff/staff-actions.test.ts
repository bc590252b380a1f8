import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOrganisation } from '../../demo/organisation.ts';
import { fixedClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { purgeExpiredPackages } from '../delivery/purge-expired-packages.ts';
import { recordPackage } from '../execution/write-request-package.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import { lastMail } from '../testing/request-test-kit.ts';
import { expireUnverifiedRequests } from './expire-unverified-requests.ts';
import { remindTaskAssignees } from '../tasks/remind-task-assignees.ts';

describe.each(storeKinds)('staff actions, manual tasks, stats and upkeep (%s)', (kind) => {
  let t: TestApp;
  let operator: string;
  let viewer: string;
  const clock = fixedClock('2026-03-02T09:00:00Z');
  const deps = () => ({ store: t.store, clock, config: t.config });
  const call = (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: object | Buffer,
    key = operator,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}`, ...headers },
      ...(payload === undefined ? {} : { payload }),
    });
  const create = async (email: string, extra: object = {}): Promise<DataSubjectRequest> =>
    (
      await call('POST', '/api/admin/requests', {
        type: 'access',
        jurisdiction: 'gdpr',
        identity: { email },
        channel: 'email',
        ...extra,
      })
    ).json();

  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    operator = await t.apiKey('operator');
    viewer = await t.apiKey('viewer');
    await writeOrganisation(
      t.store.db,
      {
        name: 'Acme GmbH',
        address: 'Berlin',
        email: 'privacy@acme.example',
        dpo: 'DPO',
        timeZone: 'Europe/Berlin',
        supervisoryAuthority: 'BlnBDI, Friedrichstr. 219, 10969 Berlin',
      },
      clock.now(),
    );
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it('refuses as manifestly excessive with the earlier requests as evidence; the letter names the authority', async () => {
    clock.set('2026-01-05T09:00:00Z');
    await create('repeat@example.com');
    clock.set('2026-02-05T09:00:00Z');
    await create('repeat@example.com');
    clock.set('2026-03-02T09:00:00Z');
    const third = await create('repeat@example.com', { language: 'de' });
    const detail = (await call('GET', `/api/admin/requests/${third.id}`, undefined, viewer)).json();
    expect(detail.earlierRequests.map((r: { receivedAt: string }) => r.receivedAt)).toEqual([
      '2026-02-05T09:00:00.000Z',
      '2026-01-05T09:00:00.000Z',
    ]);
    expect(
      (
        await call(
          'POST',
          `/api/admin/requests/${third.id}/refuse`,
          { ground: 'manifestly_excessive', reason: 'x' },
          viewer,
        )
      ).statusCode,
    ).toBe(403);
    const refused = await call('POST', `/api/admin/requests/${third.id}/refuse`, {
      ground: 'manifestly_excessive',
      reason: 'Dritte Anfrage in drei Monaten',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().status).toBe('refused');
    const letter = await lastMail(t.store, 'repeat@example.com', 'request-refusal');
    expect(letter?.locale).toBe('de');
    expect(letter?.text).toContain('BlnBDI, Friedrichstr. 219');
    expect(letter?.text).toContain('Dritte Anfrage');
    expect(
      (await call('POST', `/api/admin/requests/${third.id}/cancel`, { reason: 'late' })).statusCode,
    ).toBe(409);
  });

  it('extends once before the notice date with reasons sent; a second extension or a late one is 409', async () => {
    const r = await create('extend@example.com');
    const extended = await call('POST', `/api/admin/requests/${r.id}/extend`, {
      reasons: 'Many systems to search',
    });
    expect(extended.statusCode).toBe(200);
    expect(extended.json().extended).toBe(true);
    expect(Date.parse(extended.json().dueAt)).toBeGreaterThan(Date.parse(r.dueAt));
    expect((await lastMail(t.store, 'extend@example.com', 'request-extension'))?.text).toContain(
      'Many systems to search',
    );
    expect((await call('POST', `/api/admin/requests/${r.id}/extend`, { reasons: 'again' })).statusCode).toBe(
      409,
    );
    const late = await create('late@example.com');
    clock.set(new Date(Date.parse(late.extensionNoticeBy) + 1000));
    expect(
      (await call('POST', `/api/admin/requests/${late.id}/extend`, { reasons: 'too late' })).statusCode,
    ).toBe(409);
    const cancelled = await call('POST', `/api/admin/requests/${late.id}/cancel`, {
      reason: 'Withdrawn by phone',
    });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await lastMail(t.store, 'late@example.com', 'request-cancellation'))?.text).toContain(
      'Withdrawn by phone',
    );
    clock.set('2026-03-02T09:00:00Z');
  });

  it('step-up, verify with note, fee, notes and assign land on the timeline; the public sees no staff-only entry', async () => {
    const r = await create('steps@example.com');
    expect(
      (
        await call('POST', `/api/admin/requests/${r.id}/step-up`, {
          message: 'Please send a copy of an invoice',
        })
      ).json().status,
    ).toBe('verifying');
    expect((await lastMail(t.store, 'steps@example.com', 'request-step-up'))?.text).toContain(
      'copy of an invoice',
    );
    expect(
      (await call('POST', `/api/admin/requests/${r.id}/verify`, { note: 'Invoice 4711 matches' })).json()
        .status,
    ).toBe('verified');
    const fee = await call('POST', `/api/admin/requests/${r.id}/fee`, {
      ground: 'manifestly_unfounded',
      amount: 25,
      currency: 'eur',
      reason: 'Copies of 3,000 pages',
    });
    expect(fee.json().fee).toEqual({ amount: 25, currency: 'EUR', reason: 'Copies of 3,000 pages' });
    await call('POST', `/api/admin/requests/${r.id}/notes`, { text: 'Called the person' });
    const user = await t.createUser({ email: 'dpo@acme.example', role: 'operator' });
    expect(
      (await call('POST', `/api/admin/requests/${r.id}/assign`, { assigneeId: user.id })).json().assigneeId,
    ).toBe(user.id);
    expect(
      (await call('POST', `/api/admin/requests/${r.id}/assign`, { assigneeId: 'usr_nope' })).statusCode,
    ).toBe(400);
    const detail = (await call('GET', `/api/admin/requests/${r.id}`, undefined, viewer)).json();
    const note = detail.timeline.find((e: { kind: string }) => e.kind === 'note');
    expect(note).toMatchObject({ message: 'Called the person', public: false });
    const actions = await t.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('target', '=', `request:${r.id}`)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'request.step_up',
        'request.verify',
        'request.fee',
        'request.note',
        'request.assign',
      ]),
    );
  });

  it('manual tasks: assignee, due date, reminder, upload or confirmation; the request completes with the last', async () => {
    const user = await t.createUser({ email: 'ops@acme.example', role: 'operator' });
    const r = await create('manual@example.com', { verified: { note: 'Known customer, called back' } });
    expect((await call('POST', `/api/admin/requests/${r.id}/start`, {})).json().status).toBe('in_progress');
    const a = await call('POST', `/api/admin/requests/${r.id}/tasks`, {
      target: 'crm',
      title: 'Export from the CRM',
      instructions: 'Use the export button',
      assigneeId: user.id,
      dueAt: '2026-03-05T12:00:00Z',
    });
    expect(a.statusCode).toBe(201);
    const b = (
      await call('POST', `/api/admin/requests/${r.id}/tasks`, {
        target: 'paper-files',
        title: 'Check the paper files',
      })
    ).json();
    expect(await remindTaskAssignees(deps())).toBe(1);
    expect(await remindTaskAssignees(deps())).toBe(0);
    expect((await lastMail(t.store, 'ops@acme.example', 'request-task-reminder'))?.text).toContain(
      'Export from the CRM',
    );
    const upload = await call(
      'PUT',
      `/api/admin/request-tasks/${a.json().id}/upload`,
      Buffer.from('name,email\nM,manual@example.com\n'),
      operator,
      { 'content-type': 'text/csv' },
    );
    expect(upload.statusCode).toBe(200);
    expect(upload.json()).toMatchObject({
      status: 'done',
      upload: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect((await call('GET', `/api/admin/requests/${r.id}`, undefined, viewer)).json().request.status).toBe(
      'in_progress',
    );
    const done = await call('POST', `/api/admin/request-tasks/${b.id}/complete`, {
      confirmation: 'No paper files found',
    });
    expect(done.json().status).toBe('done');
    expect((await call('GET', `/api/admin/requests/${r.id}`, undefined, viewer)).json().request.status).toBe(
      'completed',
    );
    expect(
      (await call('POST', `/api/admin/request-tasks/${b.id}/complete`, { confirmation: 'again' })).statusCode,
    ).toBe(409);
    const tasks = (await call('GET', `/api/admin/requests/${r.id}/tasks`, undefined, viewer)).json().items;
    expect(tasks).toHaveLength(2);
  });

  it('counts per type and month', async () => {
    const stats = (await call('GET', '/api/admin/requests/stats', undefined, viewer)).json();
    expect(stats.months).toEqual(
      expect.arrayContaining([
        { month: '2026-01', type: 'access', count: 1 },
        { month: '2026-02', type: 'access', count: 1 },
      ]),
    );
  });

  it('expires unverified requests after 14 days and purges packages past their retention', async () => {
    const r = await create('stale@example.com');
    clock.set('2026-03-20T09:00:00Z');
    expect(await expireUnverifiedRequests({ ...deps(), config: t.config })).toBeGreaterThanOrEqual(1);
    expect((await call('GET', `/api/admin/requests/${r.id}`, undefined, viewer)).json().request.status).toBe(
      'expired',
    );
    const file = join(t.config.dataDir, 'pkg.zip');
    writeFileSync(file, 'zip');
    await t.store.transaction((trx) =>
      recordPackage(deps(), trx, r.id, { path: file, sha256: '0'.repeat(64), bytes: 3 }),
    );
    expect(await purgeExpiredPackages(deps())).toBe(0);
    clock.advance((t.config.packageRetentionDays + 1) * 86_400_000);
    // The manual-task test above also left a package (its upload); both are past retention now.
    expect(await purgeExpiredPackages(deps())).toBe(2);
    expect(existsSync(file)).toBe(false);
    clock.set('2026-03-02T09:00:00Z');
  });
});

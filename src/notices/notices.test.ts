import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../../test/support/test-stores.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe.each(storeKinds)('notice versions on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let viewer: string;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    admin = await t.apiKey('admin');
    viewer = await t.apiKey('viewer');
  });
  afterAll(async () => {
    await t.stop();
  });

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, key?: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(key ? { headers: { authorization: `Bearer ${key}` } } : {}),
      ...(payload ? { payload } : {}),
    });

  it('has no public notice before one is published', async () => {
    expect((await call('GET', '/api/public/notice')).statusCode).toBe(404);
  });

  it('creates a draft with the hash of its text, publishes it, and serves it publicly', async () => {
    const text = 'We process your data as follows. Ünïcødé counts as UTF-8.';
    const created = await call('POST', '/api/admin/notices/versions', admin, {
      version: 'v1',
      text,
      purposeKeys: ['analytics', 'analytics', 'marketing.advertising'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      version: 'v1',
      textHash: createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex'),
      purposeKeys: ['analytics', 'marketing.advertising'],
      publishedAt: null,
      current: false,
    });
    expect((await call('GET', '/api/public/notice')).statusCode).toBe(404);
    expect((await call('GET', '/api/public/notice?version=v1')).statusCode).toBe(404);

    const published = await call('POST', '/api/admin/notices/versions/v1/publish', admin);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ current: true, publishedAt: expect.any(String) });
    const notice = await call('GET', '/api/public/notice');
    expect(notice.json()).toEqual({
      version: 'v1',
      text,
      textHash: created.json().textHash,
      publishedAt: published.json().publishedAt,
      purposeKeys: ['analytics', 'marketing.advertising'],
    });
  });

  it('moves the current version on publish and keeps older published ones readable', async () => {
    const v2 = await call('POST', '/api/admin/notices/versions', admin, {
      version: 'v2',
      text: 'Second text',
      purposeKeys: ['analytics'],
      publish: true,
    });
    expect(v2.json()).toMatchObject({ current: true });
    expect((await call('GET', '/api/public/notice')).json().version).toBe('v2');
    expect((await call('GET', '/api/public/notice?version=v1')).json().version).toBe('v1');
    const list = await call('GET', '/api/admin/notices/versions', viewer);
    expect(
      list.json().versions.map((v: { version: string; current: boolean }) => [v.version, v.current]),
    ).toEqual([
      ['v2', true],
      ['v1', false],
    ]);
  });

  it('deletes a draft, but never a version that was put in force', async () => {
    const draft = await call('POST', '/api/admin/notices/versions', admin, {
      version: 'draft-1',
      text: 'A draft with a typo.',
      purposeKeys: [],
    });
    expect(draft.statusCode).toBe(201);
    expect((await call('DELETE', '/api/admin/notices/versions/draft-1', viewer)).statusCode).toBe(403);
    const deleted = await call('DELETE', '/api/admin/notices/versions/draft-1', admin);
    expect(deleted.statusCode).toBe(204);
    const versions = (await call('GET', '/api/admin/notices/versions', admin)).json().versions;
    expect(versions.map((v: { version: string }) => v.version)).not.toContain('draft-1');
    expect((await call('DELETE', '/api/admin/notices/versions/draft-1', admin)).statusCode).toBe(404);
    // v1 is no longer in force, but it was: it stays, with the reason.
    const kept = await call('DELETE', '/api/admin/notices/versions/v1', admin);
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error.message).toMatch(/record of what people were told/);
    expect((await call('GET', '/api/public/notice?version=v1')).statusCode).toBe(200);
  });

  it('refuses a duplicate label (409), unknown versions (404) and viewers (403); audits every change', async () => {
    const duplicate = await call('POST', '/api/admin/notices/versions', admin, {
      version: 'v1',
      text: 'x',
      purposeKeys: [],
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.issues[0].path).toBe('body.version');
    expect((await call('POST', '/api/admin/notices/versions/v9/publish', admin)).statusCode).toBe(404);
    expect(
      (
        await call('POST', '/api/admin/notices/versions', viewer, {
          version: 'v3',
          text: 'x',
          purposeKeys: [],
        })
      ).statusCode,
    ).toBe(403);
    const audit = await call('GET', '/api/admin/audit?action=notice.*', admin);
    expect(
      audit.json().entries.map((e: { action: string; target: string }) => `${e.action} ${e.target}`),
    ).toEqual([
      'notice.version.delete notice:privacy@draft-1',
      'notice.version.create notice:privacy@draft-1',
      'notice.version.publish notice:privacy@v2',
      'notice.version.create notice:privacy@v2',
      'notice.version.publish notice:privacy@v1',
      'notice.version.create notice:privacy@v1',
    ]);
  });
});

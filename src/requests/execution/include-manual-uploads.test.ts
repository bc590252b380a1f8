import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';
import { readZip } from '../package/testing/read-zip.ts';
import { createZipWriter } from '../package/zip-writer.ts';
import { renderManifest } from '../package/render-manifest.ts';
import { latestPackage } from '../status/request-status-view.ts';
import { includeManualUploads } from './include-manual-uploads.ts';
import { packagesDir, recordPackage } from './write-request-package.ts';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

// The engine's index page, as far as the merge cares: its sections by their headings.
const ENGINE_INDEX =
  '<!doctype html><html><body><main>\n<section aria-labelledby="data"><h2 id="data">Your data</h2></section>\n' +
  '<section aria-labelledby="art15"><h2 id="art15">Art. 15</h2></section>\n</main></body></html>\n';

describe.each(storeKinds)('manual uploads in the access and portability package (%s)', (kind) => {
  let t: TestApp;
  let operator: string;
  const clock = fixedClock('2026-06-01T10:00:00Z');
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
  const startWithTask = async (type: string, email: string) => {
    const created = await call('POST', '/api/admin/requests', {
      type,
      jurisdiction: 'gdpr',
      identity: { email },
      channel: 'email',
      verified: { note: 'known customer' },
    });
    const id = created.json().id as string;
    const task = await call('POST', `/api/admin/requests/${id}/tasks`, {
      target: 'paper/archive',
      title: 'Export from the paper archive',
    });
    expect(task.statusCode).toBe(201);
    expect((await call('POST', `/api/admin/requests/${id}/start`, {})).json().status).toBe('in_progress');
    return { id, taskId: task.json().id as string };
  };
  const status = async (id: string) =>
    (await t.store.db.selectFrom('requests').select('status').where('id', '=', id).executeTakeFirstOrThrow())
      .status;
  /** What the engine would have written: one collection, an index page and a manifest. */
  const enginePackage = async (id: string) => {
    const path = join(packagesDir(t.config.dataDir), `${id}-engine.zip`);
    const out = createWriteStream(path);
    const zip = createZipWriter(out, clock.now(), new AbortController().signal);
    const entry = await zip.add('shop/customers.json', '[{"email":"a@example.com"}]\n');
    const index = await zip.add('index.html', ENGINE_INDEX);
    await zip.add('manifest.json', renderManifest([entry, index], clock.now()));
    await zip.finish();
    await t.store.transaction((trx) =>
      recordPackage({ clock, config: t.config }, trx, id, { path, sha256: 'x', bytes: 1 }),
    );
    return path;
  };

  beforeAll(async () => {
    t = await startTestApp({ kind, clock });
    operator = await t.apiKey('operator');
    await mkdir(packagesDir(t.config.dataDir), { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await t.stop();
  });

  it('access: an upload made after the engine ran is in the package, hashed in the manifest', async () => {
    const { id, taskId } = await startWithTask('access', 'late@example.com');
    const base = await enginePackage(id);
    const csv = 'date,letter\n2024-01-02,complaint\n';
    const res = await call(
      'PUT',
      `/api/admin/request-tasks/${taskId}/upload?filename=letters.csv`,
      Buffer.from(csv),
      'text/csv',
    );
    expect(res.statusCode).toBe(200);
    expect(await status(id)).toBe('completed');
    const pkg = await latestPackage(t, id, clock.now().toISOString());
    expect(pkg?.path).not.toBe(base);
    expect(existsSync(base)).toBe(false);
    const zip = await readZip(pkg?.path ?? '');
    expect([...zip.keys()]).toEqual([
      'shop/customers.json',
      'manual/paper_archive/letters.csv',
      'index.html',
      'manifest.json',
    ]);
    // The person's index page lists the upload, linked, between their data and the Art. 15 information.
    const html = zip.get('index.html')?.data.toString() ?? '';
    expect(html).toContain('<h2 id="manual">Data exported by hand</h2>');
    expect(html).toMatch(
      /<th scope="row">paper\/archive<\/th><td><a href="manual\/paper_archive\/letters.csv">letters.csv<\/a>/,
    );
    expect(html.indexOf('id="data"')).toBeLessThan(html.indexOf('id="manual"'));
    expect(html.indexOf('id="manual"')).toBeLessThan(html.indexOf('id="art15"'));
    expect(zip.get('manual/paper_archive/letters.csv')?.data.toString()).toBe(csv);
    const manifest = JSON.parse(zip.get('manifest.json')?.data.toString() ?? '{}') as {
      entries: { path: string; sha256: string }[];
    };
    expect(manifest.entries).toEqual([
      expect.objectContaining({ path: 'shop/customers.json', sha256: sha('[{"email":"a@example.com"}]\n') }),
      expect.objectContaining({ path: 'manual/paper_archive/letters.csv', sha256: sha(csv) }),
      expect.objectContaining({ path: 'index.html', sha256: sha(html) }),
    ]);
    // Built again (a retried finish): the manual file is not added twice.
    expect(
      await includeManualUploads(
        { store: t.store, clock, config: t.config },
        id,
        new AbortController().signal,
      ),
    ).toBe(1);
    const again = await readZip((await latestPackage(t, id, clock.now().toISOString()))?.path ?? '');
    expect([...again.keys()]).toEqual([...zip.keys()]);
    expect(
      again
        .get('index.html')
        ?.data.toString()
        .match(/id="manual"/g),
    ).toHaveLength(1);
  });

  it('access with only a manual task: the package has an index page listing the upload', async () => {
    const { id, taskId } = await startWithTask('access', 'paper-only@example.com');
    await call(
      'PUT',
      `/api/admin/request-tasks/${taskId}/upload?filename=scan.pdf`,
      Buffer.from('%PDF-1.4'),
      'application/pdf',
    );
    expect(await status(id)).toBe('completed');
    const zip = await readZip((await latestPackage(t, id, clock.now().toISOString()))?.path ?? '');
    expect([...zip.keys()]).toEqual(['manual/paper_archive/scan.pdf', 'index.html', 'manifest.json']);
    expect(zip.get('index.html')?.data.toString()).toContain('href="manual/paper_archive/scan.pdf"');
  });

  it('portability with only a manual task: the package holds the upload, named by its type', async () => {
    const { id, taskId } = await startWithTask('portability', 'manual-only@example.com');
    const json = '{"orders":[1,2]}';
    await call('PUT', `/api/admin/request-tasks/${taskId}/upload`, Buffer.from(json), 'application/json');
    expect(await status(id)).toBe('completed');
    const zip = await readZip((await latestPackage(t, id, clock.now().toISOString()))?.path ?? '');
    expect(zip.get(`manual/paper_archive/${taskId}.json`)?.data.toString()).toBe(json);
    expect(zip.has('index.html')).toBe(false);
  });

  it('a stored upload that no longer matches its hash keeps the request open for the execute job', async () => {
    const { id, taskId } = await startWithTask('access', 'tampered@example.com');
    const second = await call('POST', `/api/admin/requests/${id}/tasks`, {
      target: 'crm',
      title: 'CRM export',
    });
    await call('PUT', `/api/admin/request-tasks/${taskId}/upload`, Buffer.from('original'), 'text/plain');
    const row = await t.store.db
      .selectFrom('request_tasks')
      .select('upload_path')
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    await writeFile(row.upload_path ?? '', 'changed');
    await call('POST', `/api/admin/request-tasks/${second.json().id as string}/complete`, {
      confirmation: 'none',
    });
    expect(await status(id)).toBe('in_progress');
    expect(await latestPackage(t, id, clock.now().toISOString())).toBeUndefined();
    const jobs = await t.store.db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'requests.execute')
      .execute();
    expect(jobs.some((j) => j.payload.includes(id))).toBe(true);
  });
});

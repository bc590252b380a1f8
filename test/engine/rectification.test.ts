// Rectification: corrected values on the subject's mapped fields, before and after in the audit, shared
// rows untouched; and cancellation that leaves a run to resume.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, generateDemoShop } from '../../src/demo/demo-shop/generate-demo-shop.ts';
import { parseFidesYaml } from '../../src/datamap/fides-yaml/parse-fides-yaml.ts';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import type { TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

const YAML = fileURLToPath(new URL('../../src/demo/demo-shop/demo-shop-dataset.yml', import.meta.url));
const signal = new AbortController().signal;

describe('rectification and cancellation on the demo shop', () => {
  let dir: string;
  let url: string;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let dataset: FidesDataset;
  let sql: SqlClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'privet-rectify-'));
    generateDemoShop(join(dir, 'shop.db'), { customers: 30 });
    url = `sqlite:${join(dir, 'shop.db')}`;
    ({ deps, store } = await openEngineDeps());
    dataset = parseFidesYaml(readFileSync(YAML, 'utf8'), YAML).datasets[0] as FidesDataset;
    sql = await openSqlClient(url);
  });
  afterAll(async () => {
    await sql?.close();
    await store?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('corrects every field holding the identity and a named field, with before and after in the audit', async () => {
    const result = await runRequest(
      deps,
      {
        type: 'rectification',
        bindings: [{ dataset, url }],
        identities: [{ type: 'email', value: demoPeople.jane.email }],
        corrections: [
          { target: 'email', value: 'jane.smith@example.com' },
          { target: 'customers.last_name', value: 'Smith' },
          { target: 'addresses.city', value: 'Elsewhere' },
        ],
        actor: 'user:operator',
      },
      signal,
    );
    expect(result.status).toBe('completed');
    expect(result.collections.customers).toMatchObject({ rows: 1, corrected: 1 });
    expect(result.collections.addresses).toMatchObject({ rows: 1, corrected: 0, kept: 1 });
    expect(
      await sql.query('SELECT email, first_name, last_name FROM customers WHERE email = ?', [
        'jane.smith@example.com',
      ]),
    ).toEqual([{ email: 'jane.smith@example.com', first_name: 'Jane', last_name: 'Smith' }]);
    const audit = await store.store.db
      .selectFrom('audit_log')
      .select(['actor', 'details'])
      .where('action', '=', 'request.rectification.change')
      .execute();
    const changes = audit.flatMap((a) => (JSON.parse(a.details) as { changes: unknown[] }).changes);
    expect(audit.every((a) => a.actor === 'user:operator')).toBe(true);
    expect(changes).toContainEqual({
      key: { id: expect.any(Number) },
      field: 'last_name',
      before: 'Doe',
      after: 'Smith',
    });
    expect(changes).toContainEqual(
      expect.objectContaining({
        field: 'email',
        before: demoPeople.jane.email,
        after: 'jane.smith@example.com',
      }),
    );
  });

  it('refuses a correction that names no field of the subject', async () => {
    const input = {
      type: 'rectification' as const,
      bindings: [{ dataset, url }],
      identities: [{ type: 'email', value: demoPeople.john.email }],
      corrections: [{ target: 'customers.nickname', value: 'x' }],
    };
    await expect(runRequest(deps, input, signal)).rejects.toThrow(/customers\.nickname/);
  });

  it('stops when cancelled and resumes the same run afterwards', async () => {
    const controller = new AbortController();
    const input = {
      type: 'erasure' as const,
      bindings: [{ dataset, url }],
      identities: [{ type: 'email', value: demoPeople.john.email }],
    };
    const cancelling: RequestEngineDeps = {
      ...deps,
      onProgress: (p) => {
        if (p.phase === 'erase' && p.done >= p.total - 3) controller.abort(new Error('stop'));
      },
    };
    const cancelled = await runRequest(cancelling, input, controller.signal);
    expect(cancelled).toMatchObject({ status: 'failed', cancelled: true });
    const stored = await store.store.db
      .selectFrom('request_runs')
      .selectAll()
      .where('id', '=', cancelled.runId)
      .executeTakeFirst();
    expect(stored).toMatchObject({ status: 'cancelled' });
    expect(stored?.progress_done).toBeLessThan(stored?.progress_total ?? 0);
    const resumed = await runRequest(deps, input, signal);
    expect(resumed).toMatchObject({ status: 'completed', resumed: true, runId: cancelled.runId });
    expect(resumed.collections.customers).toMatchObject({ rows: 1, masked: 1 });
    const finished = await store.store.db
      .selectFrom('request_steps')
      .select('state')
      .where('run_id', '=', cancelled.runId)
      .execute();
    expect(finished.every((s) => s.state === null)).toBe(true);
  });
});

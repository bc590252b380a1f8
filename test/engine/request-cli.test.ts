// The one-shot CLI as scripts use it: `privet request plan|run … --json`.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, generateDemoShop } from '../../src/demo/demo-shop/generate-demo-shop.ts';
import { runCli } from '../support/run-cli.ts';

const DATASET = fileURLToPath(new URL('../../src/demo/demo-shop/demo-shop-dataset.yml', import.meta.url));

describe('privet request', () => {
  let dir: string;
  let env: Record<string, string>;
  let shop: string;
  const digest = () => createHash('sha256').update(readFileSync(shop)).digest('hex');
  const common = () => [
    '--identity',
    `email=${demoPeople.john.email}`,
    '--connection',
    `sqlite:${shop}`,
    '--dataset',
    DATASET,
  ];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'privet-request-cli-'));
    shop = join(dir, 'shop.db');
    generateDemoShop(shop, { customers: 30 });
    env = { PRIVET_DATA_DIR: join(dir, 'data'), PRIVET_SECRET: 'request-cli-secret-request-cli-secret' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plan --json shows collections in order with row counts and fields to mask, changing nothing', async () => {
    const before = digest();
    const result = await runCli(['request', 'plan', ...common(), '--json'], env);
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan.collections[0]).toMatchObject({
      collection: 'customers',
      rows: 1,
      foundBy: ['email = email'],
    });
    expect(plan.collections.find((c: { collection: string }) => c.collection === 'orders').foundBy).toEqual([
      'customer_id = customers.id',
    ]);
    expect(plan.collections[0].mask.map((m: { field: string }) => m.field)).toContain('email');
    expect(plan.excluded).toContainEqual({
      collection: 'staff',
      reason: 'other_subject',
      detail: 'another data subject: employee',
    });
    expect(plan.erasureOrder.at(-1)).toBe('addresses');
    expect(digest()).toBe(before);
  });

  it('run --type access --out writes one JSON file per collection, matching the counts', async () => {
    const out = join(dir, 'access');
    const result = await runCli(
      ['request', 'run', '--type', 'access', ...common(), '--out', out, '--json'],
      env,
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.status).toBe('completed');
    expect(readdirSync(out).sort()).toEqual(
      Object.keys(summary.collections)
        .map((c) => `${c}.json`)
        .sort(),
    );
    for (const [name, counts] of Object.entries<{
      rows: number;
      masked: number;
      deleted: number;
      kept: number;
    }>(summary.collections)) {
      expect(JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8'))).toHaveLength(counts.rows);
      expect(counts).toMatchObject({ masked: 0, deleted: 0, kept: 0 });
    }
    expect(JSON.parse(readFileSync(join(out, 'customers.json'), 'utf8'))[0].email).toBe(
      demoPeople.john.email,
    );
  });

  it('run --type erasure --dry-run reports what it would do and changes nothing', async () => {
    const before = digest();
    const result = await runCli(
      ['request', 'run', '--type', 'erasure', ...common(), '--dry-run', '--json'],
      env,
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ status: 'completed', runId: null });
    expect(summary.collections.customers).toMatchObject({ rows: 1, masked: 1, deleted: 0, kept: 0 });
    expect(summary.collections.addresses).toMatchObject({ rows: 1, kept: 1 });
    expect(digest()).toBe(before);
  });

  it('refuses a run without a type as a usage error', async () => {
    const result = await runCli(['request', 'run', ...common()], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--type/);
  });
});

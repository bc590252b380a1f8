import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPostgresSample, loadSampleScript } from '../../test/support/load-sample-database.ts';
import { runCli } from '../../test/support/run-cli.ts';
import { sampleScripts } from '../../test/support/sample-datasets.ts';
import type { TestDatabase } from '../../test/support/test-stores.ts';

// PostgreSQL trusts local connections, so any password gets in: enough to prove it is never printed.
const PASSWORD = 'Pw-7h1s-must-never-print';

describe('privet datamap scan', () => {
  let database: TestDatabase;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    database = await loadSampleScript(loadPostgresSample, sampleScripts.chinookPostgres);
    const withPassword = new URL(database.url);
    withPassword.password = PASSWORD;
    url = withPassword.toString();
    dir = await mkdtemp(join(tmpdir(), 'privet-scan-'));
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('--json prints the Fides dataset document and a summary, never the password', async () => {
    const result = await runCli(['datamap', 'scan', url, '--json'], {});
    expect(result.stderr).not.toContain(PASSWORD);
    expect(result.stdout).not.toContain(PASSWORD);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.dataset).toHaveLength(1);
    const customer = document.dataset[0].collections.find((c: { name: string }) => c.name === 'customer');
    expect(customer['x-privet']).toEqual({ personal: true });
    expect(customer.fields.find((f: { name: string }) => f.name === 'email')).toMatchObject({
      data_categories: ['user.contact.email'],
      fides_meta: { identity: 'email', data_type: 'string' },
      'x-privet': { confidence: expect.any(Number), reason: expect.stringMatching(/email/) },
    });
    const invoice = document.dataset[0].collections.find((c: { name: string }) => c.name === 'invoice');
    expect(
      invoice.fields.find((f: { name: string }) => f.name === 'customer_id').fides_meta.references,
    ).toEqual([{ dataset: document.dataset[0].fides_key, field: 'customer.customer_id', direction: 'from' }]);
    expect(result.stderr).toMatch(/Scanned 11 table\(s\)/);
    expect(result.stderr).toMatch(/Identities: .*customer\.email \(email\)/);
    expect(result.stderr).toMatch(/Other kinds of people: employee \(employee\)/);
  });

  it('--out writes the same dataset as YAML; the URL can come from stdin', async () => {
    const out = join(dir, 'chinook.yml');
    const result = await runCli(['datamap', 'scan', '-', '--out', out, '--sample', '5'], {}, `${url}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`Wrote ${out}.`);
    const yaml = await readFile(out, 'utf8');
    expect(yaml).toMatch(/^dataset:\n/);
    expect(yaml).not.toContain(PASSWORD);
    const genre = parse(yaml).dataset[0].collections.find((c: { name: string }) => c.name === 'genre');
    expect(genre['x-privet']).toEqual({ personal: false });
  });

  it('fails with exit code 1 and a redacted URL when the server cannot be reached', async () => {
    const unreachable = `postgres://postgres:${PASSWORD}@127.0.0.1:1/nowhere`;
    const result = await runCli(['datamap', 'scan', unreachable], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('postgres://postgres:***@127.0.0.1:1/nowhere');
    expect(result.stderr + result.stdout).not.toContain(PASSWORD);
  });
});

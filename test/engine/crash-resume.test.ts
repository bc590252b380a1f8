// kill -9 in the middle of an erasure over many collections; the same command resumes the run, and the
// database ends exactly as after an uninterrupted run on a copy. The `--step-delay` test hook slows each
// change step down so that the kill lands between steps of a real run.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, generateDemoShop } from '../../src/demo/demo-shop/generate-demo-shop.ts';
import { runCli, spawnCommand } from '../support/run-cli.ts';

const DATASET = fileURLToPath(new URL('../../src/demo/demo-shop/demo-shop-dataset.yml', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/privet.mjs', import.meta.url));

function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

describe('an erasure killed mid-run', () => {
  let dir: string;
  let env: Record<string, string>;
  const args = (db: string) => [
    'request',
    'run',
    '--type',
    'erasure',
    '--identity',
    `email=${demoPeople.jane.email}`,
    '--identity',
    `phone=${demoPeople.jane.phone}`,
    '--connection',
    `sqlite:${join(dir, db)}`,
    '--dataset',
    DATASET,
    '--json',
  ];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'privet-crash-'));
    env = { PRIVET_DATA_DIR: join(dir, 'data'), PRIVET_SECRET: 'crash-test-secret-crash-test-secret-01' };
    generateDemoShop(join(dir, 'shop.db'), { customers: 60 });
    copyFileSync(join(dir, 'shop.db'), join(dir, 'copy.db'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from its checkpoints and ends as an uninterrupted run does', async () => {
    const original = dump(join(dir, 'shop.db'));
    const child = spawnCommand(process.execPath, [BIN, ...args('shop.db'), '--step-delay', '300'], env);
    // The customer's email is masked by then: only the checkpointed keys still lead to the address.
    await child.waitFor(/erase customers: done/);
    child.kill('SIGKILL');
    await child.exited();
    const killed = dump(join(dir, 'shop.db'));
    expect(killed).not.toEqual(original);
    expect(child.output()).not.toMatch(/erase addresses: done/);

    const resumed = await runCli(args('shop.db'), env);
    expect(resumed.stderr).not.toMatch(/capture /);
    const result = JSON.parse(resumed.stdout);
    expect(result).toMatchObject({ status: 'completed', resumed: true });
    expect(result.collections.customers).toMatchObject({ rows: 1, masked: 1 });
    expect(result.collections.addresses).toMatchObject({ rows: 1, kept: 1 });

    const straight = await runCli(args('copy.db'), env);
    expect(JSON.parse(straight.stdout)).toMatchObject({
      status: 'completed',
      resumed: false,
      collections: result.collections,
    });
    expect(dump(join(dir, 'shop.db'))).toEqual(dump(join(dir, 'copy.db')));
    expect(JSON.stringify(dump(join(dir, 'shop.db')).customers)).not.toContain(demoPeople.jane.email);
  });

  it('starts afresh once the run has completed, and finds nothing left of the subject', async () => {
    const again = await runCli(args('shop.db'), env);
    const result = JSON.parse(again.stdout);
    expect(result).toMatchObject({ status: 'completed', resumed: false });
    expect(result.collections.customers.rows).toBe(0);
  });
});

import SQLite from 'better-sqlite3';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivetError } from '../../domain/errors.ts';
import { demoPeople, generateDemoShop } from './generate-demo-shop.ts';

describe('generateDemoShop', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'privet-shop-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every table with realistic rows and foreign keys that hold', () => {
    const counts = generateDemoShop(join(dir, 'shop.db'));
    for (const table of [
      'customers',
      'addresses',
      'orders',
      'order_lines',
      'payments',
      'invoices',
      'newsletter_subscriptions',
      'support_tickets',
      'web_visits',
      'staff',
      'products',
    ]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    expect(counts.customers).toBe(200);
    const db = new SQLite(join(dir, 'shop.db'), { readonly: true });
    try {
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const couple = db
        .prepare('SELECT email, address_id FROM customers WHERE email IN (?, ?) ORDER BY email')
        .all(demoPeople.jane.email, demoPeople.john.email) as { email: string; address_id: number }[];
      expect(couple).toHaveLength(2);
      expect(couple[0]?.address_id).toBe(couple[1]?.address_id);
      const jane = db
        .prepare(
          'SELECT count(*) AS n FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = ?',
        )
        .get(demoPeople.jane.email) as { n: number };
      expect(jane.n).toBe(3);
      const emails = db.prepare('SELECT email FROM customers').all() as { email: string }[];
      expect(emails.every((e) => /^[^@\s]+@[^@\s]+\.[a-z]+$/.test(e.email))).toBe(true);
    } finally {
      db.close();
    }
  });

  it('is reproducible: the same seed writes the same rows', async () => {
    generateDemoShop(join(dir, 'a.db'), { customers: 30 });
    generateDemoShop(join(dir, 'b.db'), { customers: 30 });
    const dump = (file: string) => {
      const db = new SQLite(file, { readonly: true });
      try {
        return (
          JSON.stringify(db.prepare('SELECT * FROM customers ORDER BY id').all()) +
          JSON.stringify(db.prepare('SELECT * FROM orders ORDER BY id').all())
        );
      } finally {
        db.close();
      }
    };
    expect(dump(join(dir, 'a.db'))).toBe(dump(join(dir, 'b.db')));
    generateDemoShop(join(dir, 'c.db'), { customers: 30, seed: 7 });
    expect(dump(join(dir, 'c.db'))).not.toBe(dump(join(dir, 'a.db')));
  });

  it('refuses to replace an existing shop unless asked, leaving it intact', async () => {
    const file = join(dir, 'keep.db');
    generateDemoShop(file, { customers: 5 });
    const before = await readFile(file);
    try {
      generateDemoShop(file, { customers: 5, seed: 9 });
      expect.unreachable();
    } catch (error) {
      expect(isPrivetError(error, 'conflict')).toBe(true);
    }
    expect((await readFile(file)).equals(before)).toBe(true);
    expect(generateDemoShop(file, { customers: 6, overwrite: true }).customers).toBe(6);
  });
});

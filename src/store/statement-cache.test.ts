import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

describe('statement cache of the SQLite store', () => {
  const raw = new SQLite(':memory:');
  afterEach(() => raw.exec('drop table if exists t'));

  it('hands out the same prepared statement for the same SQL text', () => {
    const db = withStatementCache(raw);
    const first = db.prepare('select 1 as one');
    expect(db.prepare('select 1 as one')).toBe(first);
    expect(db.prepare('select 2 as two')).not.toBe(first);
  });

  it('gives a fresh statement while the cached one is still being iterated', () => {
    raw.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const db = withStatementCache(raw);
    const text = 'select n from t order by n';
    const outer = db.prepare(text);
    const seen: number[][] = [];
    for (const row of outer.iterate([]) as IterableIterator<{ n: number }>) {
      const inner = db.prepare(text);
      expect(inner).not.toBe(outer);
      seen.push([row.n, (inner.all([]) as { n: number }[]).length]);
    }
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    // Once the stream ended, the cached statement is handed out again.
    expect(db.prepare(text)).toBe(outer);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const db = withStatementCache(raw, 2);
    const a = db.prepare('select 1');
    const b = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(a);
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    expect(db.prepare('select 2')).not.toBe(b);
  });

  it('sees schema changes made after a statement was cached', () => {
    raw.exec('create table t (n integer)');
    const db = withStatementCache(raw);
    const insert = 'insert into t (n) values (?)';
    db.prepare(insert).run([1]);
    raw.exec('alter table t add column m integer default 7');
    db.prepare(insert).run([2]);
    expect(raw.prepare('select n, m from t order by n').all()).toEqual([
      { n: 1, m: 7 },
      { n: 2, m: 7 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { isPrivetError } from '../domain/errors.ts';
import { parseConnectionUrl, redactConnectionUrl } from './connection-url.ts';

describe('parseConnectionUrl', () => {
  it('reads postgres:// and postgresql:// with defaults, schema and TLS', () => {
    expect(
      parseConnectionUrl('postgres://app:p%40ss@db.example:6543/shop?schema=crm&sslmode=require'),
    ).toEqual({
      engine: 'postgres',
      host: 'db.example',
      port: 6543,
      user: 'app',
      password: 'p@ss',
      tls: true,
      database: 'shop',
      schema: 'crm',
    });
    expect(parseConnectionUrl('postgresql://127.0.0.1')).toEqual({
      engine: 'postgres',
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      tls: false,
      database: 'postgres',
      schema: 'public',
    });
  });

  it('reads mysql:// and mariadb:// (database required)', () => {
    expect(parseConnectionUrl('mariadb://root@127.0.0.1/Chinook')).toMatchObject({
      engine: 'mysql',
      flavour: 'mariadb',
      port: 3306,
      user: 'root',
      database: 'Chinook',
    });
    expect(parseConnectionUrl('mysql://u:pw@[::1]:3307/db')).toMatchObject({
      host: '::1',
      port: 3307,
      password: 'pw',
    });
    expect(() => parseConnectionUrl('mysql://root@127.0.0.1')).toThrow(/no database name/);
  });

  it('reads sqlite:<path>, sqlite:///abs/path and sqlite://rel', () => {
    expect(parseConnectionUrl('sqlite:data/shop.db')).toEqual({ engine: 'sqlite', path: 'data/shop.db' });
    expect(parseConnectionUrl('sqlite:/tmp/a b.db')).toEqual({ engine: 'sqlite', path: '/tmp/a b.db' });
    expect(parseConnectionUrl('sqlite:///tmp/a%20b.db')).toEqual({ engine: 'sqlite', path: '/tmp/a b.db' });
    expect(parseConnectionUrl('SQLITE://rel.db')).toEqual({ engine: 'sqlite', path: 'rel.db' });
    expect(() => parseConnectionUrl('sqlite:')).toThrow(/no database file/);
  });

  it('reads redis:// with a database number', () => {
    expect(parseConnectionUrl('redis://:secret@cache:6380/3')).toEqual({
      engine: 'redis',
      host: 'cache',
      port: 6380,
      user: '',
      password: 'secret',
      tls: false,
      db: 3,
    });
    expect(parseConnectionUrl('rediss://cache')).toMatchObject({ tls: true, db: 0, port: 6379 });
    expect(() => parseConnectionUrl('redis://cache/x')).toThrow(/database number/);
  });

  it('rejects other schemes and non-URLs as bad_request, without the password', () => {
    for (const url of ['mongodb://u:Sup3rSecret@h/db', 'Sup3rSecret', 'http://u:Sup3rSecret@h']) {
      let caught: unknown;
      try {
        parseConnectionUrl(url);
      } catch (error) {
        caught = error;
      }
      expect(isPrivetError(caught, 'bad_request')).toBe(true);
      if (url.includes('://')) expect((caught as Error).message).not.toContain('Sup3rSecret');
    }
  });
});

describe('redaction', () => {
  it('replaces the password of a URL, even one holding @ or /', () => {
    expect(redactConnectionUrl('postgres://app:s3cret@db/shop')).toBe('postgres://app:***@db/shop');
    expect(redactConnectionUrl('mysql://root:a@b/c@db:3306/x')).toBe('mysql://root:***@db:3306/x');
    expect(redactConnectionUrl('redis://:only-pw@cache')).toBe('redis://:***@cache');
    expect(redactConnectionUrl('postgres://app@db/shop')).toBe('postgres://app@db/shop');
    expect(redactConnectionUrl('sqlite:/tmp/x.db')).toBe('sqlite:/tmp/x.db');
  });
});

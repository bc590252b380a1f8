import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMariadbAdmin } from '../../test/support/create-mariadb-database.ts';
import { connectionErrorMessage } from './connection-error-message.ts';
import { testConnection } from './test-connection.ts';

const signal = new AbortController().signal;
const PASSWORD = `Wr0ng-${randomBytes(6).toString('hex')}`;

describe('testConnection', () => {
  const user = `privet_t_${randomBytes(4).toString('hex')}`;
  const redis = new Redis({ host: '127.0.0.1', port: 6379, lazyConnect: true });

  beforeAll(async () => {
    const admin = await connectMariadbAdmin();
    try {
      await admin.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'the-right-one'`);
    } finally {
      await admin.end();
    }
    await redis.connect();
    await redis.call('ACL', 'SETUSER', user, 'on', '>the-right-one', '~*', '+@all');
  });
  afterAll(async () => {
    const admin = await connectMariadbAdmin();
    try {
      await admin.query(`DROP USER IF EXISTS '${user}'@'%'`);
    } finally {
      await admin.end();
    }
    await redis.call('ACL', 'DELUSER', user);
    redis.disconnect();
  });

  it('reports engine and version of PostgreSQL, MariaDB and Redis', async () => {
    expect(await testConnection('postgres://postgres@127.0.0.1:5432/postgres', signal)).toMatchObject({
      ok: true,
      engine: 'postgres',
      version: expect.stringMatching(/^\d+\.\d+/),
    });
    expect(await testConnection('mysql://root@127.0.0.1:3306/mysql', signal)).toMatchObject({
      ok: true,
      engine: expect.stringMatching(/^(mysql|mariadb)$/),
    });
    expect(await testConnection('redis://127.0.0.1:6379', signal)).toMatchObject({
      ok: true,
      engine: 'redis',
      version: expect.stringMatching(/^\d+\.\d+/),
    });
  });

  it('fails on a wrong MariaDB password without printing it', async () => {
    const result = await testConnection(`mysql://${user}:${PASSWORD}@127.0.0.1:3306/mysql`, signal);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/denied/i);
      expect(result.error).not.toContain(PASSWORD);
    }
  });

  it('fails on a wrong Redis password without printing it', async () => {
    const result = await testConnection(`redis://${user}:${PASSWORD}@127.0.0.1:6379`, signal);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/WRONGPASS|invalid/i);
      expect(result.error).not.toContain(PASSWORD);
    }
  });

  it('fails on an unreachable server, a missing file and a bad URL, without the password', async () => {
    for (const url of [
      `postgres://postgres:${PASSWORD}@127.0.0.1:1/postgres`,
      `sqlite:/nonexistent-${PASSWORD}/x.db`,
      `ftp://u:${PASSWORD}@127.0.0.1/x`,
    ]) {
      const result = await testConnection(url, signal);
      expect(result).toMatchObject({ ok: false, error: expect.any(String) });
      if (!result.ok && url.includes('://')) expect(result.error).not.toContain(PASSWORD);
    }
  });

  it('gives up when the signal is already aborted', async () => {
    const aborted = AbortSignal.abort(new Error('stopped'));
    expect(await testConnection('postgres://postgres@127.0.0.1:5432/postgres', aborted)).toEqual({
      ok: false,
      error: 'stopped',
    });
  });
});

describe('connectionErrorMessage', () => {
  it('scrubs the password wherever a driver repeats it, raw or decoded', () => {
    const url = 'mysql://p%40ss:p%40ss@127.0.0.1/db';
    const message = connectionErrorMessage(
      new Error("Access denied for user 'p@ss'@'localhost' (p%40ss)"),
      url,
    );
    expect(message).not.toContain('p@ss');
    expect(message).not.toContain('p%40ss');
  });

  it('joins the causes of an AggregateError and falls back to the error code', () => {
    const refused = Object.assign(new Error(''), { code: 'ECONNREFUSED' });
    const message = connectionErrorMessage(
      new AggregateError([refused, new Error('timeout')], ''),
      'postgres://h/db',
    );
    expect(message).toBe('ECONNREFUSED; timeout');
  });
});

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPrivetError } from '../domain/errors.ts';
import { loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, tmpdir())).toThrow(/PORT/);
    try {
      loadConfig({ PRIVET_SMTP_URL: 'http://mail' }, tmpdir());
      expect.unreachable();
    } catch (error) {
      expect(isPrivetError(error, 'config_invalid')).toBe(true);
      expect((error as Error).message).toContain('PRIVET_SMTP_URL');
    }
  });

  it('refuses a short secret and an unknown database scheme', () => {
    expect(() => loadConfig({ PRIVET_SECRET: 'short' }, tmpdir())).toThrow(/PRIVET_SECRET/);
    expect(() =>
      loadConfig({ PRIVET_DATABASE_URL: 'mysql://x/y', PRIVET_SECRET: 'x'.repeat(32) }, tmpdir()),
    ).toThrow(/PRIVET_DATABASE_URL/);
  });

  it('generates a secret into the data dir on first start and reuses it', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'privet-config-'));
    const first = loadConfig({}, cwd);
    const second = loadConfig({}, cwd);
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
    expect((await readFile(join(cwd, '.privet', 'secret'), 'utf8')).trim()).toBe(first.secret);
    expect(first.databaseUrl).toBe(join(cwd, '.privet', 'privet.db'));
    expect(first.publicUrl).toBe('http://127.0.0.1:8080');
  });

  it('keeps postgres URLs and resolves sqlite paths', () => {
    const secret = 'x'.repeat(32);
    expect(
      loadConfig({ PRIVET_SECRET: secret, PRIVET_DATABASE_URL: 'postgres://u@h/db' }, '/srv').databaseUrl,
    ).toBe('postgres://u@h/db');
    expect(
      loadConfig({ PRIVET_SECRET: secret, PRIVET_DATABASE_URL: 'sqlite:data/p.db' }, '/srv').databaseUrl,
    ).toBe('/srv/data/p.db');
  });
});

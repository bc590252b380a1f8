import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

describe('privet CLI', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'privet-cli-'));
    env = { PRIVET_DATA_DIR: dataDir };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('--help lists every command', async () => {
    const result = await runCli(['--help'], env);
    expect(result.code).toBe(0);
    for (const command of ['serve', 'worker', 'migrate', 'admin', 'audit'])
      expect(result.stdout).toContain(command);
  });

  it('migrate applies the schema once', async () => {
    const first = await runCli(['migrate', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).applied.length).toBeGreaterThan(0);
    const second = await runCli(['migrate', '--json'], env);
    expect(JSON.parse(second.stdout).applied).toEqual([]);
  });

  it('admin create-key --json prints the key', async () => {
    const result = await runCli(['admin', 'create-key', '--role', 'operator', '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      key: expect.stringMatching(/^pvt_/),
      role: 'operator',
    });
    const bad = await runCli(['admin', 'create-key', '--role', 'root'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('viewer, operator, admin');
  });

  it('admin create-user takes a password on stdin or prints a login link', async () => {
    const withPassword = await runCli(
      [
        'admin',
        'create-user',
        '--email',
        'dana@example.com',
        '--role',
        'viewer',
        '--password-stdin',
        '--json',
      ],
      env,
      'a long enough password\n',
    );
    expect(withPassword.code).toBe(0);
    expect(JSON.parse(withPassword.stdout).user).toMatchObject({ email: 'dana@example.com', role: 'viewer' });
    const withLink = await runCli(['admin', 'create-user', '--email', 'eve@example.com'], env);
    expect(withLink.stdout).toMatch(/\/admin\/login\?token=/);
    const duplicate = await runCli(['admin', 'create-user', '--email', 'eve@example.com'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
  });

  it('audit verify passes, then names the entry altered by SQL', async () => {
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ entries/);
    const db = new Database(join(dataDir, 'privet.db'));
    const target = db.prepare('SELECT seq, id FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1').get() as {
      seq: number;
      id: string;
    };
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'user:mallory' WHERE seq = ?").run(target.seq);
    db.close();
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`entry ${target.seq} (${target.id})`);
    const json = await runCli(['audit', 'verify', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, broken: { seq: target.seq, id: target.id } });
  });

  it('a bad environment value stops with a message naming the variable', async () => {
    const result = await runCli(['migrate'], { ...env, PORT: 'abc' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.ts';

describe('privet request submit | show', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'privet-request-cli-'));
    env = {
      PRIVET_DATA_DIR: dataDir,
      PRIVET_SECRET: 'cli-test-secret-cli-test-secret-00001',
      PRIVET_DEMO: 'false',
    };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('enters a postal request with its receipt date, then shows it with its timeline', async () => {
    const submitted = await runCli(
      [
        'request',
        'submit',
        '--type',
        'erasure',
        '--email',
        'Post@Example.com',
        '--channel',
        'post',
        '--received-at',
        '2026-01-31T10:00:00Z',
        '--json',
      ],
      env,
    );
    expect(submitted.stderr).toBe('');
    expect(submitted.code).toBe(0);
    const request = JSON.parse(submitted.stdout);
    expect(request).toMatchObject({
      type: 'erasure',
      channel: 'post',
      status: 'received',
      identity: { email: 'post@example.com' },
    });
    // 31 Jan + 1 month: February has no 31st → 28 Feb 2026 (a Saturday) → Monday 2 March, UTC.
    expect(request.dueAt).toBe('2026-03-02T23:59:59.999Z');
    const shown = await runCli(['request', 'show', request.id], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`Request ${request.id}: erasure (gdpr) by post@example.com — received`);
    expect(shown.stdout).toContain('· → received');
    const missing = await runCli(['request', 'show', 'req_nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No request req_nope');
    const bad = await runCli(['request', 'submit', '--type', 'nonsense', '--email', 'a@b.co'], env);
    expect(bad.code).toBe(2);
  }, 120_000);
});

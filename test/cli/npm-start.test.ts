import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCommand } from '../support/run-cli.ts';
import { createPostgresDatabase } from '../support/test-stores.ts';

async function startAndProbe(env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'privet-start-'));
  const server = spawnCommand('npm', ['start'], { PORT: '0', PRIVET_DATA_DIR: dataDir, ...env });
  try {
    const [, url] = await server.waitFor(/Privet is serving on (http:\/\/[\d.:]+)/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const [, link] = server.output().match(/one-time link[\s\S]*?(http:\S+\/admin\/login\?token=\S+)/) ?? [];
    expect(link?.startsWith(`${url}/admin/login?token=`)).toBe(true);
    const home = await fetch(`${url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toContain('text/html');
    server.kill('SIGTERM');
    await server.exited();
    expect(server.output()).toContain('SIGTERM: shutting down');
  } finally {
    server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

describe('npm start on a fresh data directory', () => {
  it('serves /healthz on SQLite and prints the first login link', async () => {
    await startAndProbe({});
  });

  it('serves /healthz on PostgreSQL', async () => {
    const db = await createPostgresDatabase();
    try {
      await startAndProbe({ PRIVET_DATABASE_URL: db.url });
    } finally {
      await db.drop();
    }
  });
});

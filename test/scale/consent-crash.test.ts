import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCommand, type Spawned } from '../support/run-cli.ts';

const POSTS = 1_000;
const IN_FLIGHT = 100;
// Kill once this many posts were acknowledged: well after the start, well before the end.
const KILL_AFTER = 300;

interface Acknowledged {
  readonly deviceId: string;
  readonly receiptIds: string[];
}

function storedEventIds(dbFile: string): Set<string> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('select id from consent_events').all() as { id: string }[]).map((r) => r.id));
  } finally {
    db.close();
  }
}

describe('crash: kill -9 the server during 1,000 concurrent consent posts on SQLite', () => {
  const spawned: Spawned[] = [];
  let dataDir = '';
  afterAll(async () => {
    for (const p of spawned) p.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it(
    'still has every acknowledged consent event after a restart, and the chain verifies',
    { timeout: 300_000 },
    async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'privet-consent-crash-'));
      const dbFile = join(dataDir, 'privet.db');
      // Each post comes from its own (forwarded) client address, as visitors of a shop do, so the per-address
      // rate limit of public routes does not refuse the load.
      const env = {
        PRIVET_DATA_DIR: dataDir,
        PORT: '0',
        PRIVET_LOG_LEVEL: 'warn',
        PRIVET_TRUST_PROXY: 'true',
      };
      const first = spawnCommand('node', ['bin/privet.mjs', 'serve'], env);
      spawned.push(first);
      const url = (await first.waitFor(/serving on (http:\/\/[\d.:]+)/))[1] ?? '';
      const config = (await (await fetch(`${url}/api/public/consent/config`)).json()) as {
        noticeVersion: string;
      };

      const acknowledged: Acknowledged[] = [];
      const refused: string[] = [];
      let failed = 0;
      let killed = false;
      let next = 0;
      async function client(): Promise<void> {
        while (next < POSTS) {
          const i = next++;
          const deviceId = `crash-device-${String(i).padStart(6, '0')}`;
          const body = JSON.stringify({
            deviceId,
            noticeVersion: config.noticeVersion,
            choices: { preferences: i % 2 === 0, analytics: i % 3 === 0, marketing: false },
            method: 'banner',
          });
          try {
            const res = await fetch(`${url}/api/public/consent`, {
              method: 'POST',
              // Half as sendBeacon sends it, half as a JSON fetch.
              headers: {
                'content-type': i % 2 === 0 ? 'text/plain;charset=UTF-8' : 'application/json',
                'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
              },
              body,
            });
            if (res.status === 201) {
              acknowledged.push({ deviceId, ...((await res.json()) as { receiptIds: string[] }) });
            } else {
              refused.push(`post ${i}: ${res.status} ${await res.text()}`);
            }
          } catch {
            // The connection died with the server: the outcome is unknown, so the post may or may not be stored.
            failed += 1;
          }
          if (!killed && acknowledged.length >= KILL_AFTER) {
            killed = true;
            first.kill('SIGKILL');
          }
        }
      }
      await Promise.all(Array.from({ length: IN_FLIGHT }, () => client()));
      await first.exited();
      // No post may be refused: a refusal would mean the test measures nothing.
      expect(refused).toEqual([]);
      expect(killed).toBe(true);
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(failed).toBeGreaterThan(0);
      expect(acknowledged.length + failed).toBe(POSTS);

      const second = spawnCommand('node', ['bin/privet.mjs', 'serve'], env);
      spawned.push(second);
      const url2 = (await second.waitFor(/serving on (http:\/\/[\d.:]+)/))[1] ?? '';
      const stored = storedEventIds(dbFile);
      const lost = acknowledged.flatMap((a) => a.receiptIds).filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
      expect(acknowledged.every((a) => a.receiptIds.length === 3)).toBe(true);

      // The chain continues after the crash and the whole of it verifies.
      const after = await fetch(`${url2}/api/public/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          deviceId: 'after-the-crash-0001',
          noticeVersion: config.noticeVersion,
          choices: { analytics: true },
          method: 'banner',
        }),
      });
      expect(after.status).toBe(201);
      const verified = await runCli(['consent', 'verify', '--json'], env);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: stored.size + 1 });

      second.kill('SIGTERM');
      expect(await second.exited()).toBe(0);
    },
  );
});

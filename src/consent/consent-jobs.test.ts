import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privetJobs } from '../cli/privet-jobs.ts';
import { loadConfig } from '../config/load-config.ts';
import { fixedClock } from '../domain/clock.ts';
import { silentLogger } from '../jobs/job-logger.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { recordConsent } from './commit-consent-batch.ts';
import { consentJobs, PURGE_POST_KEYS_EVERY_MS, PURGE_POST_KEYS_JOB_KIND } from './consent-jobs.ts';
import { bannerSubmission, deviceId, seedConsentDemo } from './consent-test-kit.ts';
import { createSharedDecider } from './decisions/shared-decider.ts';

const DAY = 86_400_000;
const ctx = {
  signal: new AbortController().signal,
  jobId: 'job_test',
  attempt: 1,
  idempotencyKey: null,
  log: silentLogger,
};

describe('the consent post key retention setting', () => {
  it('defaults to 7 days and takes PRIVET_CONSENT_RETRY_DAYS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'privet-config-'));
    try {
      const secret = 's'.repeat(32);
      expect(loadConfig({ PRIVET_DATA_DIR: dir, PRIVET_SECRET: secret }).consentKeyRetentionDays).toBe(7);
      const env = { PRIVET_DATA_DIR: dir, PRIVET_SECRET: secret, PRIVET_CONSENT_RETRY_DAYS: '30' };
      expect(loadConfig(env).consentKeyRetentionDays).toBe(30);
      expect(() => loadConfig({ ...env, PRIVET_CONSENT_RETRY_DAYS: '0' })).toThrow(
        /PRIVET_CONSENT_RETRY_DAYS/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.each(storeKinds)('purging consent post idempotency keys on %s', (kind) => {
  let t: TestStore;
  const clock = fixedClock('2026-03-01T12:00:00.000Z');
  const deps = () => ({ store: t.store, clock, config: { consentKeyRetentionDays: 7 } });
  beforeEach(async () => {
    t = await openTestStore(kind);
    await seedConsentDemo({ store: t.store, clock });
  });
  afterEach(async () => {
    await t.cleanup();
  });

  const keys = async () =>
    (await t.store.db.selectFrom('consent_post_keys').select('idempotency_key').execute())
      .map((r) => r.idempotency_key)
      .sort();
  const eventCount = async () =>
    (await t.store.db.selectFrom('consent_events').select('id').execute()).length;

  it('is registered with the other jobs of a Privet process, hourly', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'privet-jobs-'));
    try {
      const config = loadConfig({ PRIVET_DATA_DIR: dir, PRIVET_SECRET: 's'.repeat(32) });
      const registry = privetJobs({ store: t.store, clock, config, decisions: createSharedDecider(t) });
      expect(registry.kinds).toContain(PURGE_POST_KEYS_JOB_KIND);
      expect(registry.schedules).toContainEqual(
        expect.objectContaining({ kind: PURGE_POST_KEYS_JOB_KIND, every: PURGE_POST_KEYS_EVERY_MS }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('deletes keys older than the retention window and keeps newer ones, which still answer retries', async () => {
    const oldDevice = deviceId('old');
    const newDevice = deviceId('new');
    await recordConsent(deps(), bannerSubmission(oldDevice, true, { idempotencyKey: 'old_key_0123456789' }));
    clock.advance(2 * DAY);
    await recordConsent(deps(), bannerSubmission(newDevice, true, { idempotencyKey: 'new_key_0123456789' }));
    // 7 days and a minute after the first post, 5 days after the second.
    clock.advance(5 * DAY + 60_000);
    expect(await keys()).toEqual(['new_key_0123456789', 'old_key_0123456789']);

    const [purge] = consentJobs(deps()).definitions;
    await purge?.handler(undefined, ctx);
    expect(await keys()).toEqual(['new_key_0123456789']);

    // The kept key still makes a retry a replay; the events of both posts stay in the ledger.
    const events = await eventCount();
    const retry = await recordConsent(
      deps(),
      bannerSubmission(newDevice, true, { idempotencyKey: 'new_key_0123456789' }),
    );
    expect(retry.replayed).toBe(true);
    expect(await eventCount()).toBe(events);
    expect(events).toBe(6);
  });

  it('keeps a key until the window has passed', async () => {
    await recordConsent(
      deps(),
      bannerSubmission(deviceId(), true, { idempotencyKey: 'edge_key_0123456789' }),
    );
    clock.advance(7 * DAY - 1000);
    const [purge] = consentJobs(deps()).definitions;
    await purge?.handler(undefined, ctx);
    expect(await keys()).toEqual(['edge_key_0123456789']);
    clock.advance(2000);
    await purge?.handler(undefined, ctx);
    expect(await keys()).toEqual([]);
  });
});

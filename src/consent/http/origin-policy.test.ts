import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../domain/clock.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/test-stores.ts';
import { writeConsentSettings } from '../consent-settings.ts';
import { createOriginPolicy } from './origin-policy.ts';

describe.each(storeKinds)('origin policy on %s', (kind) => {
  let t: TestStore;
  const clock = fixedClock('2026-03-01T00:00:00Z');
  beforeAll(async () => {
    t = await openTestStore(kind);
  });
  afterAll(async () => {
    await t.cleanup();
  });
  const allow = (origins: string[]) =>
    writeConsentSettings(
      { store: t.store, clock },
      { allowedOrigins: origins, privacyNoticeUrl: '', texts: {} },
      'test',
    );

  it('refuses every origin by default, then follows the settings: at once here, within the TTL elsewhere', async () => {
    const policy = createOriginPolicy(t.store.db, clock, 2_000);
    expect(await policy.allowedOrigin('https://shop.example')).toBeUndefined();
    // Another replica changes the settings: this one sees it once its cache expires.
    await allow(['https://shop.example']);
    expect(await policy.allowedOrigin('https://shop.example')).toBeUndefined();
    clock.advance(2_001);
    expect(await policy.allowedOrigin('https://shop.example')).toBe('https://shop.example');
    expect(await policy.allowedOrigin('https://other.example')).toBeUndefined();
    // This process changes them: invalidated at once.
    await allow(['*']);
    policy.invalidate();
    expect(await policy.allowedOrigin('https://other.example')).toBe('*');
  });

  it('answers from its cache without waiting only while the cache is fresh', async () => {
    await allow(['https://shop.example']);
    const policy = createOriginPolicy(t.store.db, clock, 2_000);
    expect(policy.peek('https://shop.example')).toBeUndefined();
    expect(await policy.allowedOrigin('https://shop.example')).toBe('https://shop.example');
    expect(policy.peek('https://shop.example')).toEqual({ allowed: 'https://shop.example' });
    expect(policy.peek('https://other.example')).toEqual({ allowed: undefined });
    clock.advance(2_001);
    expect(policy.peek('https://shop.example')).toBeUndefined();
    await allow(['*']);
    policy.invalidate();
    expect(policy.peek('https://other.example')).toBeUndefined();
    expect(await policy.allowedOrigin('https://other.example')).toBe('*');
    expect(policy.peek('https://other.example')).toEqual({ allowed: '*' });
  });
});

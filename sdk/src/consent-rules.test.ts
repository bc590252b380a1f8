import { describe, expect, it } from 'vitest';
import {
  acceptAllChoices,
  dismissChoices,
  gpcChoices,
  initialChoices,
  needsAsking,
  rejectAllChoices,
} from './consent-rules.ts';
import type { Category, ConsentConfig, StoredConsent } from './types.ts';

function category(key: string, extra: Partial<Category> = {}): Category {
  return {
    key,
    title: key,
    description: '',
    required: false,
    gpcOptOut: false,
    services: [],
    googleConsentMode: [],
    ...extra,
  };
}

const config: ConsentConfig = {
  noticeVersion: '2',
  noticeHash: 'h',
  texts: {},
  categories: [
    category('necessary', { required: true }),
    category('analytics'),
    category('marketing', { gpcOptOut: true }),
  ],
};
const fresh: StoredConsent = { deviceId: 'd' };
const decided: StoredConsent = {
  deviceId: 'd',
  noticeVersion: '2',
  choices: { necessary: true, analytics: true, marketing: false },
};

describe('consent rules', () => {
  it('asks a new visitor, and not one who decided under this version', () => {
    expect(needsAsking(config, fresh)).toBe(true);
    expect(needsAsking(config, decided)).toBe(false);
  });

  it('asks again after a notice version change or when a category is added', () => {
    expect(needsAsking(config, { ...decided, noticeVersion: '1' })).toBe(true);
    const added = { ...config, categories: [...config.categories, category('social')] };
    expect(needsAsking(added, decided)).toBe(true);
  });

  it('records a GPC opt-out once per version, and never over an explicit choice', () => {
    expect(gpcChoices(config, fresh, true)).toEqual({ necessary: true, marketing: false });
    expect(gpcChoices(config, fresh, false)).toBeUndefined();
    expect(
      gpcChoices(config, { ...decided, choices: { ...decided.choices, marketing: true } }, true),
    ).toBeUndefined();
    expect(gpcChoices(config, { ...decided, noticeVersion: '1' }, true)).toEqual({
      necessary: true,
      marketing: false,
    });
  });

  it('still asks about the categories GPC does not cover', () => {
    expect(
      needsAsking(config, {
        deviceId: 'd',
        noticeVersion: '2',
        choices: { necessary: true, marketing: false },
      }),
    ).toBe(true);
  });

  it('"Accept all" leaves a GPC opt-out off unless switched on explicitly', () => {
    const initial = initialChoices(config, fresh);
    expect(initial).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(acceptAllChoices(config, initial, false)).toEqual({
      necessary: true,
      analytics: true,
      marketing: true,
    });
    expect(acceptAllChoices(config, initial, true)).toEqual({
      necessary: true,
      analytics: true,
      marketing: false,
    });
    expect(acceptAllChoices(config, { ...initial, marketing: true }, true).marketing).toBe(true);
  });

  it('"Reject all" keeps only the required categories; closing refuses only what is undecided', () => {
    expect(rejectAllChoices(config)).toEqual({ necessary: true, analytics: false, marketing: false });
    const partly = { deviceId: 'd', noticeVersion: '2', choices: { necessary: true, analytics: true } };
    expect(dismissChoices(config, partly)).toEqual({ necessary: true, analytics: true, marketing: false });
  });
});

import { describe, expect, it } from 'vitest';
import { consentSignals } from './consent-mode.ts';
import type { Category } from './types.ts';

function category(key: string, googleConsentMode: string[]): Category {
  return {
    key,
    title: key,
    description: '',
    required: false,
    gpcOptOut: false,
    services: [],
    googleConsentMode,
  };
}

describe('Consent Mode signals', () => {
  it('grants a signal only when every category using it is consented', () => {
    const categories = [
      category('analytics', ['analytics_storage']),
      category('marketing', ['ad_storage', 'ad_user_data']),
      category('ads-measurement', ['ad_storage']),
    ];
    expect(
      consentSignals(categories, { analytics: true, marketing: true, 'ads-measurement': false }),
    ).toEqual({
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'granted',
    });
  });
});

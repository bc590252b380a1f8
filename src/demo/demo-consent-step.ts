import { saveCategory } from '../consent/category-repository.ts';
import type { ConsentCategoryInput } from '../consent/consent-category.ts';
import { readConsentSettings, writeConsentSettings } from '../consent/consent-settings.ts';
import { createNoticeVersion } from '../notices/create-notice-version.ts';
import type { SeedStep } from './seed-steps.ts';

// Purpose keys match the demo data map's data uses, so receipts can name the data categories involved.
const categories: readonly (readonly [string, ConsentCategoryInput])[] = [
  [
    'necessary',
    {
      purposeKey: 'essential.service',
      required: true,
      gpcOptOut: false,
      services: [
        { name: 'Shop session', provider: 'Privet Demo Shop Ltd', cookies: ['shop_session', 'privet_*'] },
      ],
      texts: {
        en: {
          title: 'Strictly necessary',
          description: 'Needed for the shop to work: basket, sign-in, security.',
        },
      },
      googleConsentMode: ['security_storage'],
      position: 0,
    },
  ],
  [
    'preferences',
    {
      purposeKey: 'functional.storage',
      required: false,
      gpcOptOut: false,
      services: [{ name: 'Shop preferences', provider: 'Privet Demo Shop Ltd', cookies: ['shop_prefs'] }],
      texts: {
        en: { title: 'Preferences', description: 'Remembers your language, currency and display choices.' },
      },
      googleConsentMode: ['functionality_storage', 'personalization_storage'],
      position: 10,
    },
  ],
  [
    'analytics',
    {
      purposeKey: 'analytics.reporting',
      required: false,
      gpcOptOut: false,
      services: [
        { name: 'Plausible', provider: 'Plausible Insights OÜ', cookies: [] },
        { name: 'Google Analytics', provider: 'Google Ireland Ltd', cookies: ['_ga', '_ga_*', '_gid'] },
      ],
      texts: {
        en: {
          title: 'Analytics',
          description: 'Counts visits and measures how the shop is used, to improve it.',
        },
      },
      googleConsentMode: ['analytics_storage'],
      position: 20,
    },
  ],
  [
    'marketing',
    {
      purposeKey: 'marketing.advertising',
      required: false,
      gpcOptOut: true,
      services: [{ name: 'Meta Pixel', provider: 'Meta Platforms Ireland Ltd', cookies: ['_fbp', '_fbc'] }],
      texts: {
        en: {
          title: 'Marketing',
          description: 'Shows you our ads on other sites and measures how they work.',
        },
      },
      googleConsentMode: ['ad_storage', 'ad_user_data', 'ad_personalization'],
      position: 30,
    },
  ],
];

const noticeText = `Privacy notice of Privet Demo Shop Ltd

We, Privet Demo Shop Ltd, 1 Example Street, 10115 Berlin, Germany, are the controller of your personal data.
Our data protection officer is Dana Peters, dpo@demo-shop.example.

Strictly necessary cookies keep the shop working (Art. 6(1)(b) GDPR, § 25(2) TDDDG). With your consent
(Art. 6(1)(a) GDPR, § 25(1) TDDDG) we remember your preferences, measure how the shop is used and show you
our ads on other sites. You can withdraw your consent at any time in the privacy settings of the shop, as
easily as you gave it; withdrawal does not affect processing before it. Your browser's Global Privacy
Control signal is honoured as an opt-out of marketing.

If you subscribe to our newsletter and confirm the address (Art. 6(1)(a) GDPR), we send you offers about
once a month; only with your separate consent do we count opens and clicks. Every newsletter has a link to
unsubscribe with one click.

You have the rights of access, rectification, erasure, restriction, portability and objection, and you may
complain to a supervisory authority.`;

/** The demo banner: four categories, a published privacy notice, and CORS open to any site (demo only). */
export const demoConsentStep: SeedStep = {
  name: 'demo-consent',
  async run(deps, trx) {
    for (const [key, input] of categories) await saveCategory(deps, 'create', key, input, 'system', trx);
    await createNoticeVersion(
      deps,
      {
        version: '2026-01',
        text: noticeText,
        // The banner's purposes, and the newsletter with its campaign statistics (marketing lists, portal).
        purposeKeys: [
          ...categories.map(([, input]) => input.purposeKey),
          'marketing.communications.email',
          'analytics.reporting.campaign_insights',
        ],
        publish: true,
      },
      'system',
      trx,
    );
    const settings = await readConsentSettings(trx);
    await writeConsentSettings(deps, { ...settings, allowedOrigins: ['*'] }, 'system', trx);
  },
};

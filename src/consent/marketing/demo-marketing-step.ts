import type { SeedStep } from '../../demo/seed-steps.ts';
import { saveMarketingList } from './list-repository.ts';

/** The demo shop's newsletter, so the preference portal and subscription forms have a list to show. */
export const demoMarketingStep: SeedStep = {
  name: 'demo-marketing',
  async run(deps, trx) {
    await saveMarketingList(
      deps,
      'create',
      'newsletter',
      {
        name: 'Demo Shop newsletter',
        description: 'New products and offers, about once a month.',
        purposeKey: 'marketing.communications.email',
        texts: {
          de: {
            name: 'Newsletter des Demo-Shops',
            description: 'Neue Produkte und Angebote, etwa einmal im Monat.',
          },
        },
        public: true,
      },
      'system',
      trx,
    );
  },
};

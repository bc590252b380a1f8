import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../domain/clock.ts';
import { demoOrganisationStep } from '../../demo/demo-organisation-step.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { openTestStore, storeKinds, type TestStore } from '../../../test/support/test-stores.ts';
import { demoMarketingStep } from './demo-marketing-step.ts';
import { listMarketingLists } from './list-repository.ts';

describe.each(storeKinds)('demo marketing seed on %s', (kind) => {
  let db: TestStore;
  beforeAll(async () => {
    db = await openTestStore(kind);
  }, 60_000);
  afterAll(async () => {
    await db?.cleanup();
  });

  it('adds the demo newsletter once', async () => {
    const deps = { store: db.store, clock: systemClock, config: { dataDir: '', secret: '' } };
    expect(await seedDemo(deps, [demoOrganisationStep, demoMarketingStep])).toContain('demo-marketing');
    expect(await seedDemo(deps, [demoOrganisationStep, demoMarketingStep])).toEqual([]);
    const lists = await listMarketingLists(db.store.db, { publicOnly: true });
    expect(lists.map((l) => [l.key, l.purposeKey, l.texts.de?.name])).toEqual([
      ['newsletter', 'marketing.communications.email', 'Newsletter des Demo-Shops'],
    ]);
  });
});

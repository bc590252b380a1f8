import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/list-audit.ts';
import { createSystem } from '../datamap/systems/system-repository.ts';
import { systemClock } from '../domain/clock.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { testSeedConfig } from '../../test/support/test-seed-config.ts';
import { demoPrivacyModelStep } from './demo-privacy-model-step.ts';
import { seedDemo } from './seed-demo.ts';

describe.each(storeKinds)('demo privacy model on %s', (kind) => {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
  });

  const count = async (table: 'systems' | 'purposes' | 'recipients' | 'transfers') =>
    (await t!.store.db.selectFrom(table).selectAll().execute()).length;

  it('seeds systems, recipients, purposes and a transfer once, each audited', async () => {
    t = await openTestStore(kind);
    const deps = { store: t.store, clock: systemClock, config: testSeedConfig() };
    expect(await seedDemo(deps, [demoPrivacyModelStep])).toEqual(['demo-privacy-model']);
    expect(await seedDemo(deps, [demoPrivacyModelStep])).toEqual([]);
    expect([
      await count('systems'),
      await count('recipients'),
      await count('purposes'),
      await count('transfers'),
    ]).toEqual([5, 6, 7, 1]);
    const audited = await listAudit(t.store, { limit: 100, action: 'datamap.*' });
    expect(audited.entries).toHaveLength(19);
  });

  it('leaves a data map that someone already started alone', async () => {
    t = await openTestStore(kind);
    const deps = { store: t.store, clock: systemClock, config: testSeedConfig() };
    await createSystem(deps, { key: 'erp', name: 'Our ERP' }, 'test');
    expect(await seedDemo(deps, [demoPrivacyModelStep])).toEqual(['demo-privacy-model']);
    expect([await count('systems'), await count('purposes'), await count('recipients')]).toEqual([1, 0, 0]);
  });
});

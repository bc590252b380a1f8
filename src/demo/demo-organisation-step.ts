import { appendAudit } from '../audit/append-audit.ts';
import { readOrganisation, writeOrganisation } from './organisation.ts';
import type { SeedStep } from './seed-steps.ts';

/** The demo shop's organisation, so notices and letters have a controller from the first start. */
export const demoOrganisationStep: SeedStep = {
  name: 'demo-organisation',
  async run(deps, trx) {
    if (await readOrganisation(trx)) return;
    const organisation = {
      name: 'Privet Demo Shop Ltd',
      address: '1 Example Street, 10115 Berlin, Germany',
      email: 'privacy@demo-shop.example',
      dpo: 'Dana Peters, dpo@demo-shop.example',
      timeZone: 'UTC',
      supervisoryAuthority:
        'Berliner Beauftragte für Datenschutz und Informationsfreiheit, Alt-Moabit 59-61, 10555 Berlin',
    };
    await writeOrganisation(trx, organisation, deps.clock.now());
    await appendAudit(
      deps,
      { actor: 'system', action: 'organisation.update', target: 'organisation', details: { seeded: true } },
      trx,
    );
  },
};

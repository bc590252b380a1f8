import { demoMarketingStep } from '../consent/marketing/demo-marketing-step.ts';
import { demoConsentStep } from './demo-consent-step.ts';
import { demoOrganisationStep } from './demo-organisation-step.ts';
import { demoPrivacyModelStep } from './demo-privacy-model-step.ts';
import { demoShopStep } from './demo-shop-step.ts';
import type { SeedDeps, SeedStep } from './seed-steps.ts';

/** The demo data Privet ships; later capabilities append their steps (data map, demo shop, notice). */
export const demoSeedSteps: readonly SeedStep[] = [
  demoOrganisationStep,
  demoShopStep,
  demoPrivacyModelStep,
  demoConsentStep,
  demoMarketingStep,
];

/**
 * Runs every seed step that has not run on this store yet, each once, even when several replicas start at
 * the same time. Returns the names of the steps that ran now.
 */
export async function seedDemo(
  deps: SeedDeps,
  steps: readonly SeedStep[] = demoSeedSteps,
): Promise<string[]> {
  const ran: string[] = [];
  for (const step of steps) {
    const key = `seed:${step.name}`;
    const didRun = await deps.store.transaction(
      async (trx) => {
        const done = await trx.selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst();
        if (done) return false;
        await step.run(deps, trx);
        const at = deps.clock.now().toISOString();
        await trx.insertInto('settings').values({ key, value: at, updated_at: at }).execute();
        return true;
      },
      { lock: 'privet:seed' },
    );
    if (didRun) ran.push(step.name);
  }
  return ran;
}

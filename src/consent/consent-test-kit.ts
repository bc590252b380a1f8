import { demoConsentStep } from '../demo/demo-consent-step.ts';
import { demoOrganisationStep } from '../demo/demo-organisation-step.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import type { ConsentSubmission } from './consent-submission.ts';

/** The demo notice version the kit publishes. */
export const DEMO_NOTICE = '2026-01';

/** Seeds the demo organisation, banner categories, published notice and open CORS (tests only). */
export async function seedConsentDemo(deps: { store: Store; clock: Clock }): Promise<void> {
  await seedDemo({ ...deps, config: { dataDir: '', secret: '' } }, [demoOrganisationStep, demoConsentStep]);
}

/** A random device id of the shape the banner keeps. */
export function deviceId(label = 'dev'): string {
  return `${label}_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`
    .slice(0, 40)
    .padEnd(16, 'x');
}

/** A banner submission accepting or refusing every optional demo category. */
export function bannerSubmission(
  device: string,
  accept: boolean,
  extra: Partial<ConsentSubmission> = {},
): ConsentSubmission {
  return {
    deviceId: device,
    personVerified: false,
    noticeVersion: DEMO_NOTICE,
    choices: { preferences: accept, analytics: accept, marketing: accept },
    method: 'banner',
    gpc: false,
    ...extra,
  };
}

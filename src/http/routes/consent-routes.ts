import { createConsentIngest, type ConsentIngestOptions } from '../../consent/consent-ingest.ts';
import { registerCategoryRoutes } from '../../consent/http/category-routes.ts';
import { registerConsentAdminRoutes } from '../../consent/http/consent-admin-routes.ts';
import { registerConsentCors } from '../../consent/http/consent-cors.ts';
import { registerConsentSettingsRoutes } from '../../consent/http/consent-settings-routes.ts';
import { createOriginPolicy } from '../../consent/http/origin-policy.ts';
import { registerPublicConsentRoutes } from '../../consent/http/public-consent-routes.ts';
import { registerNoticeAdminRoutes, registerPublicNoticeRoutes } from '../../notices/http/notice-routes.ts';
import { createConsentWebhookNudge } from '../../webhooks/consent/consent-webhook-nudge.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';

/**
 * Consent and notices: admin routes for notice versions, banner categories, settings and the ledger; and,
 * in one plugin with CORS for customers' sites, the public notice and the banner's consent API.
 * `options` lets tests watch the group commit of consent posts.
 */
export async function registerConsentRoutes(
  app: PrivetApp,
  deps: AppDeps,
  options: ConsentIngestOptions = {},
): Promise<void> {
  await registerNoticeAdminRoutes(app, deps);
  await registerCategoryRoutes(app, deps);
  const origins = createOriginPolicy(deps.store.db, deps.clock);
  await registerConsentSettingsRoutes(app, deps, () => origins.invalidate());
  await registerConsentAdminRoutes(app, deps);
  // After each committed batch, wake the consent.changed webhook dispatcher (debounced, never awaited).
  const webhookNudge = createConsentWebhookNudge(deps.queue);
  const ingest = createConsentIngest(deps, {
    ...options,
    onBatch: (size, ok) => {
      options.onBatch?.(size, ok);
      if (ok) webhookNudge.poke();
    },
  });
  // Posts already accepted are committed before the store closes.
  app.addHook('onClose', async () => {
    await ingest.close();
    webhookNudge.close();
  });
  await app.register(async (scope) => {
    await registerConsentCors(scope, origins);
    await registerPublicNoticeRoutes(scope, deps);
    await registerPublicConsentRoutes(scope, deps, ingest);
  });
}

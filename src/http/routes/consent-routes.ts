import { createConsentIngest, type ConsentIngestOptions } from '../../consent/consent-ingest.ts';
import { registerCategoryRoutes } from '../../consent/http/category-routes.ts';
import { registerConsentAdminRoutes } from '../../consent/http/consent-admin-routes.ts';
import { bannerPostPath, bannerReadPaths, registerConsentCors } from '../../consent/http/consent-cors.ts';
import { registerConsentSettingsRoutes } from '../../consent/http/consent-settings-routes.ts';
import type { OriginPolicy } from '../../consent/http/origin-policy.ts';
import {
  registerConsentPostRoute,
  registerPublicConsentRoutes,
} from '../../consent/http/public-consent-routes.ts';
import { registerNoticeAdminRoutes, registerPublicNoticeRoutes } from '../../notices/http/notice-routes.ts';
import { createConsentWebhookNudge } from '../../webhooks/consent/consent-webhook-nudge.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';

/**
 * Consent and notices: admin routes for notice versions, banner categories, settings and the ledger; and, in
 * one plugin with CORS for customers' sites, the public notice and the banner's configuration and receipts.
 * The banner's posts are registered apart, by registerBannerPosts.
 */
export async function registerConsentRoutes(
  app: PrivetApp,
  deps: AppDeps,
  origins: OriginPolicy,
): Promise<void> {
  await registerNoticeAdminRoutes(app, deps);
  await registerCategoryRoutes(app, deps);
  await registerConsentSettingsRoutes(app, deps, () => origins.invalidate());
  await registerConsentAdminRoutes(app, deps);
  await app.register(async (scope) => {
    await registerConsentCors(scope, origins, bannerReadPaths);
    await registerPublicNoticeRoutes(scope, deps);
    await registerPublicConsentRoutes(scope, deps);
  });
}

/**
 * The banner's consent posts, with their CORS, group-committed. `options` lets tests watch the group commit.
 * Meant for a scope without cookie parsing or document security headers (see createApp).
 */
export async function registerBannerPosts(
  app: PrivetApp,
  deps: AppDeps,
  origins: OriginPolicy,
  options: ConsentIngestOptions = {},
): Promise<void> {
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
    await registerConsentCors(scope, origins, [bannerPostPath]);
    await registerConsentPostRoute(scope, ingest);
  });
}

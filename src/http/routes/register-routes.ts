import type { OriginPolicy } from '../../consent/http/origin-policy.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { registerApiKeyRoutes } from './api-key-routes.ts';
import { registerAuditRoutes } from './audit-routes.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { registerConnectionRoutes } from './connection-routes.ts';
import { registerConsentRoutes } from './consent-routes.ts';
import { registerMarketingRoutes } from '../../consent/marketing/http/register-marketing-routes.ts';
import { registerDecisionRoutes } from '../../consent/decisions/http/decision-routes.ts';
import { registerDatasetRoutes } from './dataset-routes.ts';
import { registerDrpRoutes } from '../../drp/http/drp-routes.ts';
import { registerHealthRoutes } from './health-routes.ts';
import { registerJobRoutes } from './job-routes.ts';
import { registerOrganisationRoutes } from './organisation-routes.ts';
import { registerOutboxRoutes } from './outbox-routes.ts';
import { registerPrivacyModelRoutes } from './privacy-model-routes.ts';
import { registerRequestRoutes } from '../../requests/http/register-request-routes.ts';
import { registerScanRoutes } from './scan-routes.ts';
import { registerSdkRoutes } from './sdk-routes.ts';
import { registerUserRoutes } from './user-routes.ts';
import { registerWebRoutes } from './web-routes.ts';
import { registerWebhookRoutes } from '../../webhooks/http/register-webhook-routes.ts';

/** What routes in different scopes of the app share: the banner's allowed origins (cached, invalidated on change). */
export interface SharedRouteState {
  readonly origins: OriginPolicy;
}

/** Registers every capability's routes but the banner's posts; a new capability adds one line here. */
export async function registerRoutes(app: PrivetApp, deps: AppDeps, shared: SharedRouteState): Promise<void> {
  await registerHealthRoutes(app, deps);
  await registerAuthRoutes(app, deps);
  await registerUserRoutes(app, deps);
  await registerApiKeyRoutes(app, deps);
  await registerAuditRoutes(app, deps);
  await registerJobRoutes(app, deps);
  await registerOutboxRoutes(app, deps);
  await registerPrivacyModelRoutes(app, deps);
  await registerDatasetRoutes(app, deps);
  await registerOrganisationRoutes(app, deps);
  await registerConnectionRoutes(app, deps);
  await registerRequestRoutes(app, deps);
  await registerScanRoutes(app, deps);
  await registerConsentRoutes(app, deps, shared.origins);
  await registerMarketingRoutes(app, deps);
  await registerDecisionRoutes(app, deps);
  await registerWebhookRoutes(app, deps);
  await registerDrpRoutes(app, deps);
  await registerSdkRoutes(app, { config: deps.config });
  // Last: the web apps answer page paths that no API route claims.
  await registerWebRoutes(app, { webDist: deps.webDist });
}

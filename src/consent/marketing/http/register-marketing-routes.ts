import type { AppDeps, PrivetApp } from '../../../http/app-deps.ts';
import { registerMarketingAdminRoutes } from './marketing-admin-routes.ts';
import { registerMarketingPublicRoutes } from './marketing-public-routes.ts';
import { registerTrackingRoutes } from './tracking-routes.ts';
import { registerUnsubscribeRoutes } from './unsubscribe-routes.ts';

/** Marketing lists, double opt-in, the preference portal, one-click unsubscribe and consented tracking. */
export async function registerMarketingRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  await registerMarketingAdminRoutes(app, deps);
  await registerMarketingPublicRoutes(app, deps);
  await registerUnsubscribeRoutes(app, deps);
  await registerTrackingRoutes(app, deps);
}

import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { registerArt19Routes } from './art19-routes.ts';
import { registerWebhookAdminRoutes } from './webhook-admin-routes.ts';

/** Every route of the webhooks capability: the admin API and the Art. 19 views. */
export async function registerWebhookRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  await registerWebhookAdminRoutes(app, deps);
  await registerArt19Routes(app, deps);
}

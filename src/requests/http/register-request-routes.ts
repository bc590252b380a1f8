import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import type { RequestDeps } from '../request-deps.ts';
import { registerRequestAdminRoutes } from './request-admin-routes.ts';
import { registerRequestPublicRoutes } from './request-public-routes.ts';
import { registerRequestStaffRoutes } from './request-staff-routes.ts';
import { registerRequestTemplateRoutes } from './request-template-routes.ts';

/** Every route of data-subject requests: staff (admin API) and the privacy center's public API. */
export async function registerRequestRoutes(app: PrivetApp, appDeps: AppDeps): Promise<void> {
  const deps: RequestDeps = {
    store: appDeps.store,
    clock: appDeps.clock,
    config: appDeps.config,
    queue: appDeps.queue,
  };
  registerRequestAdminRoutes(app, deps);
  registerRequestPublicRoutes(app, deps);
  await registerRequestStaffRoutes(app, deps);
  registerRequestTemplateRoutes(app, deps);
}

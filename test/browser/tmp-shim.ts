import type { PrivetApp } from '../../src/http/app-deps.ts';
import { registerWebRoutes } from '../../src/http/routes/web-routes.ts';
import { defaultWebDist } from '../../src/cli/start-server.ts';
export function shim(app: PrivetApp): void {
  if (app.hasRoute({ method: 'GET', url: '/admin' })) return;
  void app.register(async (scope) => registerWebRoutes(scope, { webDist: defaultWebDist }));
}

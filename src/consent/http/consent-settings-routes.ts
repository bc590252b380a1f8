import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { ConsentSettingsSchema, readConsentSettings, writeConsentSettings } from '../consent-settings.ts';

const tags = ['consent'];

/** Admin routes for the banner's server-side settings: allowed origins (CORS), notice link, translations. */
export async function registerConsentSettingsRoutes(
  app: PrivetApp,
  deps: AppDeps,
  onChange: () => void = () => undefined,
): Promise<void> {
  app.get(
    '/api/admin/consent/settings',
    {
      config: { role: 'viewer' },
      schema: { summary: 'Banner settings', tags, response: { 200: ConsentSettingsSchema } },
    },
    async () => readConsentSettings(deps.store.db),
  );

  app.put(
    '/api/admin/consent/settings',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Replace the banner settings',
        tags,
        body: ConsentSettingsSchema,
        response: { 200: ConsentSettingsSchema },
      },
    },
    async (request) => {
      await writeConsentSettings(deps, request.body, principalOf(request).actor);
      onChange();
      return request.body;
    },
  );
}

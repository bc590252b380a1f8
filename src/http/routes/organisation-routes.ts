import { Type } from 'typebox';
import { appendAudit } from '../../audit/append-audit.ts';
import { OrganisationSchema, readOrganisation, writeOrganisation } from '../../demo/organisation.ts';
import { isPlainDate } from '../../domain/deadlines/plain-date.ts';
import { isTimeZone } from '../../domain/deadlines/zoned-time.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';

const PublicOrganisation = Type.Object({
  name: Type.String(),
  address: Type.String(),
  email: Type.String(),
  dpo: Type.String(),
});

/** The controller's details: edited by admins, shown publicly in the privacy center. */
export async function registerOrganisationRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/organisation',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'The organisation (controller) settings',
        tags: ['organisation'],
        response: { 200: OrganisationSchema },
      },
    },
    async () => {
      const organisation = await readOrganisation(deps.store.db);
      if (!organisation) throw new PrivetError('not_found', 'The organisation is not set up yet');
      return organisation;
    },
  );

  app.put(
    '/api/admin/organisation',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Replace the organisation (controller) settings',
        tags: ['organisation'],
        body: OrganisationSchema,
        response: { 200: OrganisationSchema },
      },
    },
    async (request) => {
      if (!isTimeZone(request.body.timeZone)) {
        throw new PrivetError('validation_failed', `Unknown time zone ${request.body.timeZone}`, {
          issues: [
            {
              code: 'invalid_time_zone',
              path: 'body.timeZone',
              message: 'must be an IANA time zone such as Europe/Berlin',
            },
          ],
        });
      }
      const badHoliday = (request.body.holidays ?? []).findIndex((day) => !isPlainDate(day));
      if (badHoliday >= 0) {
        throw new PrivetError('validation_failed', 'A holiday is not a calendar date', {
          issues: [
            {
              code: 'invalid_date',
              path: `body.holidays.${badHoliday}`,
              message: 'must be a real date as YYYY-MM-DD',
            },
          ],
        });
      }
      await deps.store.transaction(async (trx) => {
        await writeOrganisation(trx, request.body, deps.clock.now());
        await appendAudit(
          deps,
          { actor: principalOf(request).actor, action: 'organisation.update', target: 'organisation' },
          trx,
        );
      });
      return request.body;
    },
  );

  app.get(
    '/api/public/organisation',
    {
      schema: {
        summary: 'Who the controller is and how to reach them and the DPO',
        tags: ['public'],
        response: { 200: PublicOrganisation },
      },
    },
    async () => {
      const organisation = await readOrganisation(deps.store.db);
      if (!organisation) throw new PrivetError('not_found', 'The organisation is not set up yet');
      return {
        name: organisation.name,
        address: organisation.address,
        email: organisation.email,
        dpo: organisation.dpo,
      };
    },
  );
}

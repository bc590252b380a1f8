import { Type } from 'typebox';
import type { PrivacyModelDeps } from '../../datamap/privacy-model/privacy-model-deps.ts';
import { exportRopa, type RopaFormat } from '../../datamap/ropa/export-ropa.ts';
import { ropaHtmlContentSecurityPolicy } from '../../datamap/ropa/render-ropa-html.ts';
import { ropaKinds } from '../../datamap/ropa/ropa-record.ts';
import type { PrivetApp } from '../app-deps.ts';

const mediaTypes: Readonly<Record<RopaFormat, string>> = { csv: 'text/csv', html: 'text/html' };

/** The record of processing activities (Art. 30 GDPR) as CSV for spreadsheets and as an HTML page. */
export async function registerRopaRoutes(app: PrivetApp, deps: PrivacyModelDeps): Promise<void> {
  for (const format of ['csv', 'html'] as const) {
    app.get(
      `/api/admin/ropa.${format}`,
      {
        config: { role: 'viewer' },
        schema: {
          summary: `Record of processing activities as ${format.toUpperCase()} (controller or processor record)`,
          tags: ['data map'],
          querystring: Type.Object({
            record: Type.Optional(
              Type.Enum(ropaKinds, {
                default: 'controller',
                description: 'controller: Art. 30(1); processor: Art. 30(2)',
              }),
            ),
          }),
          response: { 200: { content: { [mediaTypes[format]]: { schema: Type.String() } } } },
        },
      },
      async (request, reply) => {
        const file = await exportRopa(deps, { kind: request.query.record ?? 'controller', format });
        const disposition = format === 'csv' ? 'attachment' : 'inline';
        void reply
          .type(file.contentType)
          .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
          .header('cache-control', 'no-store');
        // The page carries its own inline style; allow exactly that and nothing else.
        if (format === 'html') void reply.header('content-security-policy', ropaHtmlContentSecurityPolicy);
        return reply.send(file.body);
      },
    );
  }
}

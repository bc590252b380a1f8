import { Type } from 'typebox';
import { PrivetError } from '../../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../../http/app-deps.ts';
import { recordTracking } from '../email-tracking.ts';

const tags = ['public', 'marketing'];
const Params = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
// The smallest transparent GIF: 1×1, one colour, fully transparent.
// The pixel is bytes, which the schema documents as a binary string.
const GifSchema = Type.Unsafe<Buffer>({ type: 'string', contentMediaType: 'image/gif' });
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * E-mail open pixel and click redirect. They record only while the recipient consents to e-mail tracking
 * and otherwise serve without recording; no client address is kept. A click goes only to the destination
 * sealed in its token, so the route is no open redirect.
 */
export async function registerTrackingRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/public/marketing/t/o/:token',
    {
      schema: {
        summary: 'E-mail open pixel (recorded only with consent to e-mail tracking)',
        tags,
        params: Params,
        response: {
          200: { content: { 'image/gif': { schema: GifSchema } } },
        },
      },
    },
    async (request, reply) => {
      const result = await recordTracking(deps, 'open', request.params.token);
      if (!result.valid) throw new PrivetError('not_found', 'No such tracking link');
      return reply.header('cache-control', 'no-store').type('image/gif').send(PIXEL);
    },
  );

  app.get(
    '/api/public/marketing/t/c/:token',
    {
      schema: {
        summary: 'E-mail click redirect to the signed destination (recorded only with consent)',
        tags,
        params: Params,
        response: { 302: Type.Null({ description: 'To the destination the mail linked to' }) },
      },
    },
    async (request, reply) => {
      const result = await recordTracking(deps, 'click', request.params.token);
      if (!result.valid || result.url === undefined)
        throw new PrivetError('not_found', 'No such tracking link');
      return reply
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer')
        .redirect(result.url, 302);
    },
  );
}

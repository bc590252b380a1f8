import { Type } from 'typebox';
import type { AppDeps, PrivetApp } from '../app-deps.ts';

const HEALTH_TIMEOUT_MS = 2000;

/** `/healthz`, `/metrics` and `/api/openapi.json`. */
export async function registerHealthRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/healthz',
    {
      schema: {
        summary: 'Liveness and store readiness',
        tags: ['system'],
        response: {
          200: Type.Object({ status: Type.Literal('ok') }),
          503: Type.Object({ status: Type.Literal('unavailable'), reason: Type.String() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await deps.store.ping(AbortSignal.timeout(HEALTH_TIMEOUT_MS));
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'store does not answer');
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, reason: 'the store does not answer' });
      }
    },
  );

  app.get(
    '/metrics',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Prometheus metrics: requests, latencies, jobs, queue depth',
        tags: ['system'],
        produces: ['text/plain'],
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      const body = await deps.metrics.registry.metrics();
      return reply.type(deps.metrics.registry.contentType).send(body);
    },
  );

  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This OpenAPI 3.1 document', tags: ['system'] } },
    async () => app.swagger(),
  );
}

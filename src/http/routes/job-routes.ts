import { Type } from 'typebox';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import { listJobs } from '../../jobs/list-jobs.ts';
import { jobStatuses } from '../../jobs/queue.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';
import { principalOf } from '../auth-hook.ts';

const StatusSchema = Type.Union(jobStatuses.map((s) => Type.Literal(s)));
const JobSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  idempotencyKey: Type.Union([Type.String(), Type.Null()]),
  runAt: Type.String(),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
});

/** Background jobs: list, inspect, queue depth, and a diagnostic echo job for checking workers. */
export async function registerJobRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/jobs',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'List background jobs, newest first, with the queue depth',
        tags: ['jobs'],
        querystring: Type.Object({
          status: Type.Optional(StatusSchema),
          kind: Type.Optional(Type.String({ maxLength: 100 })),
          before: Type.Optional(
            Type.String({ maxLength: 100, description: 'Cursor: the `next` of the previous page' }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        }),
        response: {
          200: Type.Object({
            jobs: Type.Array(JobSchema),
            next: Type.Union([Type.String(), Type.Null()]),
            depth: Type.Record(Type.String(), Type.Integer()),
          }),
        },
      },
    },
    async (request) => {
      const { status, kind, before, limit } = request.query;
      const page = await listJobs(deps.store, {
        limit,
        ...(status === undefined ? {} : { status }),
        ...(kind === undefined ? {} : { kind }),
        ...(before === undefined ? {} : { before }),
      });
      return { ...page, depth: await deps.queue.depth() };
    },
  );

  app.get(
    '/api/admin/jobs/:id',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One background job',
        tags: ['jobs'],
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: JobSchema },
      },
    },
    async (request) => {
      const job = await deps.queue.get(request.params.id);
      if (!job) throw new PrivetError('not_found', `No job ${request.params.id}`);
      return job;
    },
  );

  app.post(
    '/api/admin/jobs/echo',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Queue a diagnostic job that does nothing, to check that workers run (idempotent by key)',
        tags: ['jobs'],
        body: Type.Object({
          key: Type.String({ minLength: 1, maxLength: 200 }),
          delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })),
        }),
        response: {
          200: Type.Object({ id: Type.String(), created: Type.Boolean() }),
          201: Type.Object({ id: Type.String(), created: Type.Boolean() }),
        },
      },
    },
    async (request, reply) => {
      const { key, delayMs } = request.body;
      const result = await deps.queue.enqueue(
        'system.echo',
        { key, ...(delayMs === undefined ? {} : { delayMs }) },
        { idempotencyKey: `echo:${key}` },
      );
      if (result.created) {
        await appendAudit(deps, {
          actor: principalOf(request).actor,
          action: 'job.enqueue',
          target: `job:${result.id}`,
          details: { kind: 'system.echo' },
        });
      }
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
}

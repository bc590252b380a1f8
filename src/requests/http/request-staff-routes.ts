import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import type { PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { requestStats } from '../staff/request-stats.ts';
import {
  addNote,
  assign,
  cancel,
  chargeFee,
  extend,
  refuse,
  REFUSAL_GROUNDS,
  startByStaff,
  stepUp,
  verifyByStaff,
} from '../staff/staff-actions.ts';
import { rerunRequest } from '../staff/rerun-request.ts';
import { addManualTask, completeManualTask, listTasks, uploadTaskExport } from '../tasks/manual-tasks.ts';
import { DataSubjectRequestSchema, RequestIdParams, TaskSchema } from './request-schemas.ts';

const tags = ['requests'];
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Ground = Type.Enum(REFUSAL_GROUNDS);
/** Largest manual export accepted in one upload. */
const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

type ActionRun = (requestId: string, actor: string, body: never) => Promise<DataSubjectRequest>;

/** Staff actions on a request, its tasks, and the counts per type and month. */
export async function registerRequestStaffRoutes(app: PrivetApp, deps: RequestDeps): Promise<void> {
  const action = (name: string, summary: string, body: TSchema, run: ActionRun) =>
    app.post(
      `/api/admin/requests/:id/${name}`,
      {
        config: { role: 'operator' },
        schema: { summary, tags, params: RequestIdParams, body, response: { 200: DataSubjectRequestSchema } },
      },
      async (request) => run(request.params.id, principalOf(request).actor, request.body as never),
    );
  const closed = <T extends Record<string, TSchema>>(props: T) =>
    Type.Object(props, { additionalProperties: false });

  action(
    'verify',
    'Mark the requester verified, saying how (staff-only note)',
    closed({ note: Text(2000) }),
    (requestId, actor, b: { note: string }) => verifyByStaff(deps, { requestId, actor, note: b.note }),
  );
  action(
    'step-up',
    'Ask the person for more proof of identity (emailed)',
    closed({ message: Text(4000) }),
    (requestId, actor, b: { message: string }) => stepUp(deps, { requestId, actor, message: b.message }),
  );
  action(
    'start',
    'Approve and start a verified request',
    closed({ reason: Type.Optional(Text(2000)) }),
    (requestId, actor, b: { reason?: string }) => startByStaff(deps, { requestId, actor, reason: b.reason }),
  );
  action(
    'refuse',
    'Refuse as manifestly unfounded or excessive (Art. 12(5)); the letter names the supervisory authority',
    closed({ ground: Ground, reason: Text(4000) }),
    (requestId, actor, b: { ground: (typeof REFUSAL_GROUNDS)[number]; reason: string }) =>
      refuse(deps, { requestId, actor, ...b }),
  );
  action(
    'fee',
    'Ask a reasonable fee for a manifestly unfounded or excessive request (Art. 12(5))',
    closed({
      ground: Ground,
      amount: Type.Number({ exclusiveMinimum: 0, maximum: 100000 }),
      currency: Type.String({ pattern: '^[A-Za-z]{3}$' }),
      reason: Text(4000),
    }),
    (
      requestId,
      actor,
      b: { ground: (typeof REFUSAL_GROUNDS)[number]; amount: number; currency: string; reason: string },
    ) => chargeFee(deps, { requestId, actor, ...b }),
  );
  action(
    'extend',
    'Extend the deadline once, with the reasons sent to the person (409 when too late or again)',
    closed({ reasons: Text(4000) }),
    (requestId, actor, b: { reasons: string }) => extend(deps, { requestId, actor, reasons: b.reasons }),
  );
  action(
    'notes',
    'Add a staff-only note to the timeline',
    closed({ text: Text(4000) }),
    (requestId, actor, b: { text: string }) => addNote(deps, { requestId, actor, text: b.text }),
  );
  action(
    'cancel',
    'Cancel the request; the person is told why',
    closed({ reason: Text(2000) }),
    (requestId, actor, b: { reason: string }) => cancel(deps, { requestId, actor, reason: b.reason }),
  );
  action(
    'assign',
    'Assign the request to a staff member (null: nobody)',
    closed({ assigneeId: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]) }),
    (requestId, actor, b: { assigneeId: string | null }) =>
      assign(deps, { requestId, actor, assigneeId: b.assigneeId }),
  );
  action(
    'rerun',
    'Run the failed automatic tasks again (execution gave up, or partially completed)',
    closed({ reason: Text(2000) }),
    (requestId, actor, b: { reason: string }) => rerunRequest(deps, { requestId, actor, reason: b.reason }),
  );

  app.get(
    '/api/admin/requests/stats',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Requests received per month (UTC) and type',
        tags,
        querystring: Type.Object({ from: Type.Optional(Type.String({ format: 'date-time' })) }),
        response: {
          200: Type.Object({
            months: Type.Array(
              Type.Object({ month: Type.String(), type: Type.String(), count: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async (request) => requestStats(deps, request.query),
  );

  app.get(
    '/api/admin/requests/:id/tasks',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'The tasks of a request',
        tags,
        params: RequestIdParams,
        response: { 200: Type.Object({ items: Type.Array(TaskSchema) }) },
      },
    },
    async (request) => ({ items: await listTasks(deps, request.params.id) }),
  );

  app.post(
    '/api/admin/requests/:id/tasks',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Add a manual task for a system without a connector',
        tags,
        params: RequestIdParams,
        body: closed({
          target: Text(200),
          title: Text(200),
          instructions: Type.String({ maxLength: 8000, default: '' }),
          assigneeId: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
          dueAt: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: { 201: TaskSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const task = await addManualTask(deps, {
        requestId: request.params.id,
        target: b.target,
        title: b.title,
        instructions: b.instructions,
        assigneeId: b.assigneeId,
        dueAt: b.dueAt === undefined ? undefined : new Date(b.dueAt).toISOString(),
        actor: principalOf(request).actor,
      });
      return reply.status(201).send(task);
    },
  );

  const TaskParams = Type.Object({ taskId: Type.String({ minLength: 1, maxLength: 100 }) });
  app.post(
    '/api/admin/request-tasks/:taskId/complete',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Complete a manual task with a confirmation (or mark it failed)',
        tags,
        params: TaskParams,
        body: closed({ confirmation: Text(8000), failed: Type.Optional(Type.Boolean()) }),
        response: { 200: TaskSchema },
      },
    },
    async (request) =>
      completeManualTask(deps, {
        taskId: request.params.taskId,
        actor: principalOf(request).actor,
        confirmation: request.body.confirmation,
        failed: request.body.failed,
      }),
  );

  // Raw uploads get their own parser, scoped to this plugin so JSON stays the only body type elsewhere.
  await app.register(async (plugin) => {
    const scoped = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scoped.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );
    scoped.put(
      '/api/admin/request-tasks/:taskId/upload',
      {
        config: { role: 'operator' },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          summary: 'Upload the data exported by hand for a manual task (raw body), completing it',
          tags,
          params: TaskParams,
          querystring: Type.Object(
            {
              filename: Type.Optional(
                Type.String({
                  minLength: 1,
                  maxLength: 120,
                  description: 'The name the file gets in the package, under manual/<system>/',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: TaskSchema },
        },
      },
      async (request) =>
        uploadTaskExport(deps, {
          filename: request.query.filename,
          taskId: request.params.taskId,
          actor: principalOf(request).actor,
          body: Buffer.isBuffer(request.body)
            ? request.body
            : Buffer.from(JSON.stringify(request.body ?? '')),
          contentType: request.headers['content-type'] ?? 'application/octet-stream',
        }),
    );
  });
}

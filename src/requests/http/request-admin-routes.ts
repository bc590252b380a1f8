import { Type } from 'typebox';
import type { PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { createRequest } from '../intake/create-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { listRequests } from '../staff/list-requests.ts';
import { requestDetail } from '../staff/request-detail.ts';
import {
  ChannelSchema,
  DataSubjectRequestSchema,
  DetailsSchema,
  IdentitySchema,
  JurisdictionSchema,
  LanguageSchema,
  RequestIdParams,
  RequestStatusSchema,
  RequestTypeSchema,
  TaskSchema,
  TimelineEntrySchema,
} from './request-schemas.ts';

const tags = ['requests'];

/** Staff intake and the request queue: create, list with filters, and one request with its timeline. */
export function registerRequestAdminRoutes(app: PrivetApp, deps: RequestDeps): void {
  app.post(
    '/api/admin/requests',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Enter a request received by email, post, phone or the API',
        tags,
        body: Type.Object(
          {
            type: RequestTypeSchema,
            jurisdiction: JurisdictionSchema,
            identity: IdentitySchema,
            receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
            channel: Type.Optional(ChannelSchema),
            language: Type.Optional(LanguageSchema),
            details: Type.Optional(DetailsSchema),
            verified: Type.Optional(
              Type.Object(
                { note: Type.String({ minLength: 1, maxLength: 2000 }) },
                { additionalProperties: false },
              ),
            ),
            acknowledge: Type.Optional(
              Type.Boolean({ description: 'Email the acknowledgement (default true)' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: DataSubjectRequestSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const actor = principalOf(request).actor;
      const created = await createRequest(deps, {
        type: body.type,
        jurisdiction: body.jurisdiction,
        channel: body.channel ?? 'email',
        language: body.language,
        identity: body.identity,
        receivedAt: body.receivedAt === undefined ? undefined : new Date(body.receivedAt),
        details: body.details,
        verified: body.verified === undefined ? undefined : { by: actor, note: body.verified.note },
        actor,
        acknowledge: body.acknowledge ?? true,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/admin/requests',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'The request queue, newest first, with filters',
        tags,
        querystring: Type.Object({
          status: Type.Optional(RequestStatusSchema),
          type: Type.Optional(RequestTypeSchema),
          jurisdiction: Type.Optional(JurisdictionSchema),
          channel: Type.Optional(ChannelSchema),
          due: Type.Optional(Type.Union([Type.Literal('soon'), Type.Literal('overdue')])),
          q: Type.Optional(Type.String({ maxLength: 320 })),
          assigneeId: Type.Optional(Type.String({ maxLength: 100 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          cursor: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(DataSubjectRequestSchema),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => listRequests(deps, request.query),
  );

  app.get(
    '/api/admin/requests/:id',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'One request with its timeline, tasks, earlier requests of the person and verification',
        tags,
        params: RequestIdParams,
        response: {
          200: Type.Object({
            request: DataSubjectRequestSchema,
            timeline: Type.Array(TimelineEntrySchema),
            tasks: Type.Array(TaskSchema),
            earlierRequests: Type.Array(
              Type.Object({
                id: Type.String(),
                type: Type.String(),
                status: Type.String(),
                receivedAt: Type.String(),
              }),
            ),
            verification: Type.Union([
              Type.Object({
                method: Type.Literal('email_code'),
                expiresAt: Type.String(),
                tries: Type.Integer(),
                maxTries: Type.Integer(),
                state: Type.String(),
              }),
              Type.Null(),
            ]),
          }),
        },
      },
    },
    async (request) => requestDetail(deps, request.params.id),
  );
}

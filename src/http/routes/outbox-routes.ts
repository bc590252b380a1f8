import { Type } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import { getOutboxEntry } from '../../mail/get-outbox-entry.ts';
import { listOutbox } from '../../mail/list-outbox.ts';
import { outboxStatuses } from '../../mail/mailer.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';

const OutboxEntrySchema = Type.Object({
  id: Type.String(),
  to: Type.String(),
  from: Type.String(),
  subject: Type.String(),
  template: Type.String(),
  locale: Type.String(),
  text: Type.String(),
  html: Type.String(),
  headers: Type.Record(Type.String(), Type.String()),
  status: Type.String(),
  attempts: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  messageId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
});

/** The outbox: every message Privet wrote, sent or kept, newest first. */
export async function registerOutboxRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/outbox',
    {
      // Messages hold people's addresses and request details: operators and admins only.
      config: { role: 'operator' },
      schema: {
        summary: 'List outbox messages, newest first',
        tags: ['mail'],
        querystring: Type.Object({
          to: Type.Optional(Type.String({ maxLength: 320 })),
          status: Type.Optional(Type.Union(outboxStatuses.map((s) => Type.Literal(s)))),
          before: Type.Optional(
            Type.String({ maxLength: 100, description: 'Cursor: the `next` of the previous page' }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
        }),
        response: {
          200: Type.Object({
            messages: Type.Array(OutboxEntrySchema),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const page = await listOutbox(deps.store, request.query);
      return { messages: [...page.items], next: page.nextCursor };
    },
  );

  app.get(
    '/api/admin/outbox/:id',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'One outbox message with its bodies and headers',
        tags: ['mail'],
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: OutboxEntrySchema },
      },
    },
    async (request) => {
      const entry = await getOutboxEntry(deps.store, request.params.id);
      if (!entry) throw new PrivetError('not_found', `No outbox message ${request.params.id}`);
      return entry;
    },
  );
}

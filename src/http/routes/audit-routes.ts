import { Type } from 'typebox';
import { listAudit } from '../../audit/list-audit.ts';
import type { AppDeps, PrivetApp } from '../app-deps.ts';

const Entry = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String(),
  actor: Type.String(),
  action: Type.String(),
  target: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
});

/** The audit ledger, newest first, with filters and a cursor. */
export async function registerAuditRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/audit',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'List audit entries (newest first)',
        tags: ['audit'],
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 200 })),
          action: Type.Optional(
            Type.String({ maxLength: 200, description: '`auth.login`, or `auth.*` for a prefix' }),
          ),
          target: Type.Optional(Type.String({ maxLength: 200 })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          before: Type.Optional(
            Type.Integer({ minimum: 1, description: 'Cursor: the `next` of the previous page' }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        }),
        response: {
          200: Type.Object({ entries: Type.Array(Entry), next: Type.Union([Type.Integer(), Type.Null()]) }),
        },
      },
    },
    async (request) => {
      const { actor, action, target, from, to, before, limit } = request.query;
      return listAudit(deps.store, {
        limit,
        ...(actor === undefined ? {} : { actor }),
        ...(action === undefined ? {} : { action }),
        ...(target === undefined ? {} : { target }),
        ...(from === undefined ? {} : { from: new Date(from).toISOString() }),
        ...(to === undefined ? {} : { to: new Date(to).toISOString() }),
        ...(before === undefined ? {} : { before }),
      });
    },
  );
}

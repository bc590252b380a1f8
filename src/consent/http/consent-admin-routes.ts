import { Type } from 'typebox';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { principalOf } from '../../http/auth-hook.ts';
import { PurposeKey } from '../../notices/notice-version.ts';
import { currentNoticeVersion } from '../../notices/read-notice-versions.ts';
import { recordConsent } from '../commit-consent-batch.ts';
import { ConsentEventSchema } from '../consent-event.ts';
import { listConsentHistory } from '../consent-history.ts';
import { ConsentReceiptSchema } from '../consent-receipt-schema.ts';
import { ConsentStateEntrySchema, readConsentState } from '../consent-state.ts';
import { consentStats, ConsentStatsSchema } from '../consent-stats.ts';
import { consentActions } from '../consent-vocabulary.ts';
import { LanguageTag } from '../consent-category.ts';
import { loadConsentReceipt } from '../load-consent-receipt.ts';
import { verifyConsentLedger } from '../verify-consent-ledger.ts';
import { SubjectQuery, subjectFromQuery } from './subject-query.ts';

const tags = ['consent'];
const Subject = Type.Object({ type: Type.String(), id: Type.String() });
const staffMethods = ['staff', 'api', 'email', 'portal'] as const;
const DAY_MS = 86_400_000;
/** The longest range the stats count at once. */
const MAX_STATS_DAYS = 366;

/** Staff routes over the consent ledger: state, history, receipts, verification and recording on request. */
export async function registerConsentAdminRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  app.get(
    '/api/admin/consent/state',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Current consent per purpose of a device or person',
        tags,
        querystring: Type.Object(SubjectQuery),
        response: { 200: Type.Object({ subject: Subject, purposes: Type.Array(ConsentStateEntrySchema) }) },
      },
    },
    async (request) => {
      const subject = subjectFromQuery(request.query);
      return { subject, purposes: await readConsentState(deps.store.db, subject) };
    },
  );

  app.get(
    '/api/admin/consent/history',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Consent events of a device or person, newest first',
        tags,
        querystring: Type.Object({
          ...SubjectQuery,
          before: Type.Optional(
            Type.Integer({ minimum: 1, description: 'Cursor: the `next` of the previous page' }),
          ),
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
        }),
        response: {
          200: Type.Object({
            subject: Subject,
            events: Type.Array(ConsentEventSchema),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const subject = subjectFromQuery(request.query);
      const { limit, before } = request.query;
      return { subject, ...(await listConsentHistory(deps.store.db, subject, { limit, before })) };
    },
  );

  app.get(
    '/api/admin/consent/receipts/:id',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'The consent receipt of a ledger event (Kantara CR 1.1 + ISO/IEC TS 27560 fields)',
        tags,
        params: Type.Object({ id: Type.String({ maxLength: 100 }) }),
        response: { 200: ConsentReceiptSchema },
      },
    },
    async (request) => {
      const receipt = await loadConsentReceipt(deps.store.db, request.params.id, {
        publicUrl: deps.config.publicUrl,
      });
      if (!receipt) throw new PrivetError('not_found', `No consent event ${request.params.id}`);
      return receipt;
    },
  );

  app.get(
    '/api/admin/consent/stats',
    {
      config: { role: 'viewer' },
      schema: {
        summary: 'Choices recorded per category and day, acceptance rates and methods (UTC days, inclusive)',
        tags,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date', description: 'Default: 29 days before `to`' })),
          to: Type.Optional(Type.String({ format: 'date', description: 'Default: today' })),
        }),
        response: { 200: ConsentStatsSchema },
      },
    },
    async (request) => {
      const to = request.query.to ?? deps.clock.now().toISOString().slice(0, 10);
      const from =
        request.query.from ??
        new Date(Date.parse(`${to}T00:00:00.000Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
      const span = (Date.parse(to) - Date.parse(from)) / DAY_MS;
      if (!(span >= 0 && span < MAX_STATS_DAYS)) {
        throw new PrivetError(
          'validation_failed',
          `from must be on or before to, at most ${MAX_STATS_DAYS} days apart`,
          {
            issues: [
              {
                code: 'invalid_range',
                path: 'querystring.from',
                message: `on or before to, at most ${MAX_STATS_DAYS} days before it`,
              },
            ],
          },
        );
      }
      return consentStats(deps.store.db, { from, to });
    },
  );

  app.post(
    '/api/admin/consent/verify',
    {
      config: { role: 'admin' },
      schema: {
        summary: 'Walk the consent ledger’s hash chain and name the first broken event',
        tags,
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            events: Type.Integer(),
            head: Type.Optional(Type.String()),
            broken: Type.Optional(
              Type.Object({ seq: Type.Integer(), id: Type.String(), reason: Type.String() }),
            ),
          }),
        },
      },
    },
    async () => verifyConsentLedger(deps.store),
  );

  app.post(
    '/api/admin/consent',
    {
      config: { role: 'operator' },
      schema: {
        summary: 'Record consent, a withdrawal or an objection on a person’s instruction',
        description:
          'The person id counts as verified: the caller vouches for it. The notice defaults to the one in force.',
        tags,
        body: Type.Object({
          personId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
          noticeVersion: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          choices: Type.Record(Type.String({ maxLength: 64 }), Type.Boolean(), {
            maxProperties: 100,
            default: {},
          }),
          purposeActions: Type.Array(
            Type.Object({
              purposeKey: PurposeKey,
              action: Type.Enum(consentActions),
            }),
            { maxItems: 100, default: [] },
          ),
          method: Type.Enum(staffMethods, { default: 'staff' }),
          language: Type.Optional(LanguageTag),
        }),
        response: {
          201: Type.Object({
            receiptIds: Type.Array(Type.String()),
            recordedAt: Type.String(),
            events: Type.Array(ConsentEventSchema),
          }),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const actor = principalOf(request).actor;
      const recorded = await deps.store.transaction(async (trx) => {
        const noticeVersion = body.noticeVersion ?? (await currentNoticeVersion(trx))?.version ?? '';
        const result = await recordConsent(
          deps,
          {
            personId: body.personId,
            deviceId: body.deviceId,
            personVerified: true,
            noticeVersion,
            choices: body.choices,
            purposeActions: body.purposeActions,
            method: body.method,
            gpc: false,
            language: body.language,
          },
          trx,
        );
        await appendAudit(
          deps,
          {
            actor,
            action: 'consent.record',
            target: body.personId === undefined ? `device:${body.deviceId ?? ''}` : `person:${body.personId}`,
            details: { receiptIds: result.receiptIds, method: body.method },
          },
          trx,
        );
        return result;
      });
      return reply.status(201).send(recorded);
    },
  );
}

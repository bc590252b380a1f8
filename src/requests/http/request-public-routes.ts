import { createReadStream } from 'node:fs';
import { Type } from 'typebox';
import { PrivetError } from '../../domain/errors.ts';
import { ErrorBody } from '../../http/error-body.ts';
import type { PrivetApp } from '../../http/app-deps.ts';
import { createDownloadLink, redeemDownloadLink, sendDownloadCode } from '../delivery/download-package.ts';
import { listRectifiableFields } from '../intake/rectifiable-fields.ts';
import { resendVerificationCode, submitPublicRequest } from '../intake/submit-public-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { requestStatusView } from '../status/request-status-view.ts';
import { verifyRequestCode, verifyRequestLink } from '../verification/verify-request.ts';
import {
  DetailsSchema,
  JurisdictionSchema,
  LanguageSchema,
  RequestIdParams,
  RequestStatusSchema,
  RequestTypeSchema,
} from './request-schemas.ts';

const tags = ['public'];
/** Per client address, on top of the per-address (email) limits kept in the store. */
const SUBMIT_RATE = { max: 10, timeWindow: '10 minutes' } as const;
const VERIFY_RATE = { max: 30, timeWindow: '10 minutes' } as const;
const RESEND_RATE = { max: 10, timeWindow: '10 minutes' } as const;

const TokenHeader = Type.Object({ 'x-request-token': Type.Optional(Type.String({ maxLength: 200 })) });
const Verified = Type.Object({ status: RequestStatusSchema, statusToken: Type.String() });

function statusToken(headers: { 'x-request-token'?: string | undefined }): string {
  const token = headers['x-request-token'];
  if (token === undefined || token === '')
    throw new PrivetError('not_found', 'No request for this status link');
  return token;
}

/** The privacy center's request API: submit, verify, follow the status, download. */
export function registerRequestPublicRoutes(app: PrivetApp, deps: RequestDeps): void {
  app.post(
    '/api/public/requests',
    {
      config: { rateLimit: SUBMIT_RATE },
      schema: {
        summary: 'Submit a request; a code goes to the email address (same answer whoever it belongs to)',
        tags,
        body: Type.Object(
          {
            type: RequestTypeSchema,
            email: Type.String({ minLength: 3, maxLength: 320 }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            language: Type.Optional(LanguageSchema),
            jurisdiction: Type.Optional(JurisdictionSchema),
            details: Type.Optional(DetailsSchema),
          },
          { additionalProperties: false },
        ),
        response: {
          202: Type.Object({
            requestId: Type.String(),
            verification: Type.Object({ method: Type.Literal('email_code'), expiresAt: Type.String() }),
          }),
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => reply.status(202).send(await submitPublicRequest(deps, request.body)),
  );

  app.get(
    '/api/public/requests/rectifiable-fields',
    {
      schema: {
        summary: 'The fields a rectification can correct, from the data map (dataset.collection.field)',
        tags,
        response: {
          200: Type.Object({
            fields: Type.Array(
              Type.Object({
                target: Type.String(),
                label: Type.String(),
                collection: Type.String(),
                categories: Type.Array(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=60');
      return { fields: await listRectifiableFields(deps) };
    },
  );

  app.post(
    '/api/public/requests/:id/verify',
    {
      config: { rateLimit: VERIFY_RATE },
      schema: {
        summary: 'Confirm the email address with the 6-digit code (5 tries, 10 minutes)',
        tags,
        params: RequestIdParams,
        body: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 12 }) },
          { additionalProperties: false },
        ),
        response: { 200: Verified, 400: ErrorBody, 429: ErrorBody },
      },
    },
    async (request) =>
      verifyRequestCode(deps, { requestId: request.params.id, code: request.body.code.trim() }),
  );

  app.post(
    '/api/public/requests/:id/resend-code',
    {
      config: { rateLimit: RESEND_RATE },
      schema: {
        summary: 'Send a new code (the previous one stops working)',
        tags,
        params: RequestIdParams,
        response: { 202: Type.Object({ sent: Type.Boolean() }), 429: ErrorBody },
      },
    },
    async (request, reply) => {
      await resendVerificationCode(deps, request.params.id);
      return reply.status(202).send({ sent: true });
    },
  );

  app.post(
    '/api/public/requests/verify-link',
    {
      config: { rateLimit: VERIFY_RATE },
      schema: {
        summary: 'Confirm the email address with the magic link token from the email',
        tags,
        body: Type.Object(
          { token: Type.String({ minLength: 20, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: Verified, 400: ErrorBody },
      },
    },
    async (request) => verifyRequestLink(deps, request.body.token),
  );

  app.get(
    '/api/public/request-status',
    {
      schema: {
        summary: "The requester's view of their request (header x-request-token)",
        tags,
        headers: TokenHeader,
        response: {
          200: Type.Object({
            id: Type.String(),
            type: RequestTypeSchema,
            status: RequestStatusSchema,
            receivedAt: Type.String(),
            dueAt: Type.String(),
            timeline: Type.Array(
              Type.Object({
                at: Type.String(),
                status: Type.Optional(Type.String()),
                message: Type.Optional(Type.String()),
                reason: Type.Optional(
                  Type.Object({
                    key: Type.String({ description: 'A key of the privacy center message catalogue' }),
                    text: Type.Optional(Type.String({ description: 'Words staff wrote for the person' })),
                    date: Type.Optional(Type.String()),
                  }),
                ),
              }),
            ),
            download: Type.Object({ available: Type.Boolean(), expiresAt: Type.Optional(Type.String()) }),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) => requestStatusView(deps, statusToken(request.headers)),
  );

  app.post(
    '/api/public/request-status/download-code',
    {
      config: { rateLimit: RESEND_RATE },
      schema: {
        summary: 'Email a code to prove it is you again before downloading',
        tags,
        headers: TokenHeader,
        response: { 202: Type.Object({ expiresAt: Type.String() }), 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await sendDownloadCode(deps, statusToken(request.headers))),
  );

  app.post(
    '/api/public/request-status/download',
    {
      config: { rateLimit: VERIFY_RATE },
      schema: {
        summary: 'Exchange the download code for a single-use link valid 15 minutes',
        tags,
        headers: TokenHeader,
        body: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 12 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ url: Type.String(), expiresAt: Type.String() }),
          400: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) => createDownloadLink(deps, statusToken(request.headers), request.body.code.trim()),
  );

  app.get(
    // The token rides in the query string: request logs keep the path only, so it never reaches a log line.
    '/api/public/downloads',
    {
      schema: {
        summary: 'Download the package (ZIP) once; a second use, or after 15 minutes, is 410',
        tags,
        querystring: Type.Object({ token: Type.String({ maxLength: 200 }) }),
        produces: ['application/zip'],
        response: {
          200: Type.Unsafe<unknown>({ type: 'string', contentMediaType: 'application/zip' }),
          410: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const pkg = await redeemDownloadLink(deps, request.query.token);
      if (pkg === undefined) {
        return reply.status(410).send({
          error: {
            code: 'gone',
            message: 'This download link was used or has expired; ask for a new one',
            requestId: request.id,
          },
        });
      }
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${pkg.requestId}.zip"`)
        .header('cache-control', 'no-store')
        .header('x-content-sha256', pkg.sha256)
        .send(createReadStream(pkg.path));
    },
  );
}

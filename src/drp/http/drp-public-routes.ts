import { Type } from 'typebox';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { ErrorBody } from '../../http/error-body.ts';
import { REQUEST_STATUSES } from '../../requests/request-vocabulary.ts';
import { DRP_ACTIONS } from '../drp-vocabulary.ts';
import {
  readAgentVerification,
  sendAgentVerificationCode,
  verifyAgentRequest,
} from '../user-verification.ts';

const tags = ['public'];
/** Per client address; the code itself is limited per request and email address in the store. */
const VERIFY_RATE = { max: 30, timeWindow: '10 minutes' } as const;
const SEND_RATE = { max: 10, timeWindow: '10 minutes' } as const;

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const RequestId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'The request_id the agent added to the user_verification_url',
});

/**
 * The privacy center's side of DRP's need_user_verification flow (spec 3.02.1): the page at the
 * user_verification_url reads the request, sends the person a code and checks it.
 */
export function registerDrpPublicRoutes(app: PrivetApp, deps: AppDeps): void {
  app.get(
    '/api/public/agent-verifications/:id',
    {
      config: { rateLimit: VERIFY_RATE },
      schema: {
        summary: 'A request an authorized agent sent, waiting for the person to confirm it is them',
        tags,
        params: Params,
        querystring: Type.Object({ request_id: RequestId }),
        response: {
          200: Type.Object({
            agentName: Type.String(),
            exercise: Type.Enum(DRP_ACTIONS),
            needsVerification: Type.Boolean(),
            status: Type.Enum(REQUEST_STATUSES),
          }),
          404: ErrorBody,
        },
      },
    },
    async (request) =>
      readAgentVerification(deps, { drpRequestId: request.params.id, requestId: request.query.request_id }),
  );

  app.post(
    '/api/public/agent-verifications/:id/send-code',
    {
      config: { rateLimit: SEND_RATE },
      schema: {
        summary: 'Email the person a 6-digit code and a link (the previous one stops working)',
        tags,
        params: Params,
        body: Type.Object({ requestId: RequestId }, { additionalProperties: false }),
        response: {
          202: Type.Object({ sent: Type.Boolean() }),
          404: ErrorBody,
          409: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      await sendAgentVerificationCode(deps, {
        drpRequestId: request.params.id,
        requestId: request.body.requestId,
      });
      return reply.status(202).send({ sent: true });
    },
  );

  app.post(
    '/api/public/agent-verifications/:id/verify',
    {
      config: { rateLimit: VERIFY_RATE },
      schema: {
        summary:
          'Confirm with the code; answers where to return to at the agent (its redirect_to, when safe)',
        tags,
        params: Params,
        body: Type.Object(
          {
            requestId: RequestId,
            code: Type.String({ minLength: 1, maxLength: 12 }),
            redirectTo: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            status: Type.Enum(REQUEST_STATUSES),
            statusToken: Type.String(),
            redirectTo: Type.Union([Type.String(), Type.Null()]),
          }),
          400: ErrorBody,
          404: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request) =>
      verifyAgentRequest(deps, {
        drpRequestId: request.params.id,
        requestId: request.body.requestId,
        code: request.body.code.trim(),
        redirectTo: request.body.redirectTo,
      }),
  );
}

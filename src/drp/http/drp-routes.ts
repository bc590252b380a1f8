import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps, PrivetApp } from '../../http/app-deps.ts';
import { agentInformation } from '../agent-information.ts';
import { exerciseRequest } from '../exercise-request.ts';
import { ExerciseStatusSchema } from '../exercise-status.ts';
import { readExerciseStatus } from '../read-exercise-status.ts';
import { revokeExercise } from '../revoke-exercise.ts';
import { setUpAgent } from '../set-up-agent.ts';
import { registerDrpAdminRoutes } from './drp-admin-routes.ts';
import { registerDrpPublicRoutes } from './drp-public-routes.ts';
import { drpErrorHandler, DrpErrorBodySchema } from './drp-error-handler.ts';

const SignedBody = Type.Unknown({
  description: 'text/plain: base64 of the 64-byte Ed25519 signature followed by the UTF-8 JSON message',
});
const AgentParams = Type.Object({ agentId: Type.String({ minLength: 1, maxLength: 100 }) });
const RequestParams = Type.Object({ requestId: Type.String({ minLength: 1, maxLength: 100 }) });
const errors = {
  400: DrpErrorBodySchema,
  401: DrpErrorBodySchema,
  403: DrpErrorBodySchema,
  404: DrpErrorBodySchema,
  409: DrpErrorBodySchema,
  503: DrpErrorBodySchema,
};
const tags = ['drp'];

/**
 * Data Rights Protocol 1.0 at /drp/v1 (agents' endpoints), its admin API at /api/admin/drp and the privacy
 * center's user verification API at /api/public/agent-verifications.
 */
export async function registerDrpRoutes(app: PrivetApp, deps: AppDeps): Promise<void> {
  await registerDrpAdminRoutes(app, deps);
  registerDrpPublicRoutes(app, deps);
  await app.register(
    async (scope) => {
      // Signed DRP bodies are base64 text, whatever content type a client names (the spec says text/plain).
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser(
        ['text/plain', 'application/json', 'application/octet-stream'],
        { parseAs: 'string' },
        (_request, body, done) => {
          done(null, body);
        },
      );
      scope.setErrorHandler(drpErrorHandler);
      const drp = scope.withTypeProvider<TypeBoxTypeProvider>();

      drp.post(
        '/agent/:agentId',
        {
          schema: {
            summary: 'DRP pair-wise key set-up: a signed message yields a bearer token (2.05)',
            tags,
            consumes: ['text/plain'],
            params: AgentParams,
            body: SignedBody,
            response: {
              200: Type.Object({ 'agent-id': Type.String(), token: Type.String() }),
              403: Type.Null({ description: 'Validation failed (no body, as the spec asks)' }),
              503: DrpErrorBodySchema,
            },
          },
        },
        async (request) => setUpAgent(deps, { agentId: request.params.agentId, body: request.body }),
      );

      drp.get(
        '/agent/:agentId',
        {
          schema: {
            summary: 'DRP agent information: is this bearer token valid for the agent (2.06)',
            tags,
            params: AgentParams,
            response: { 200: Type.Object({}), ...errors },
          },
        },
        async (request) =>
          agentInformation(deps, {
            authorization: request.headers.authorization,
            agentId: request.params.agentId,
          }),
      );

      const exercise = {
        schema: {
          summary: 'DRP data rights exercise: a signed request for access, deletion or a sale choice (2.01)',
          tags,
          consumes: ['text/plain'],
          body: SignedBody,
          response: { 200: ExerciseStatusSchema, ...errors },
        },
      };
      drp.post('/data-rights-request', exercise, async (request) =>
        exerciseRequest(deps, { authorization: request.headers.authorization, body: request.body }),
      );
      // Before DRP 0.9.3 the path had a trailing slash; the spec lets implementers keep accepting it.
      drp.post(
        '/data-rights-request/',
        { ...exercise, schema: { ...exercise.schema, hide: true } },
        async (request) =>
          exerciseRequest(deps, { authorization: request.headers.authorization, body: request.body }),
      );

      drp.get(
        '/data-rights-request/:requestId',
        {
          schema: {
            summary: 'DRP data rights status of a request this agent sent (2.02)',
            tags,
            params: RequestParams,
            response: { 200: ExerciseStatusSchema, ...errors },
          },
        },
        async (request) =>
          readExerciseStatus(deps, {
            authorization: request.headers.authorization,
            requestId: request.params.requestId,
          }),
      );

      drp.delete(
        '/data-rights-request/:requestId',
        {
          schema: {
            summary: 'DRP data rights revoke: a signed {reason} cancels the request (2.04)',
            tags,
            consumes: ['text/plain'],
            params: RequestParams,
            body: SignedBody,
            response: { 200: ExerciseStatusSchema, ...errors },
          },
        },
        async (request) =>
          revokeExercise(deps, {
            authorization: request.headers.authorization,
            requestId: request.params.requestId,
            body: request.body,
          }),
      );
    },
    { prefix: '/drp/v1' },
  );
}

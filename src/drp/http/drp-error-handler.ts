import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isPrivetError } from '../../domain/errors.ts';
import { errorStatus } from '../../http/error-status.ts';
import { DrpError, drpErrorBody } from '../drp-error.ts';

/** The spec's error body (3.06). */
export const DrpErrorBodySchema = Type.Object(
  { code: Type.String(), message: Type.String(), fatal: Type.Optional(Type.Boolean()) },
  { description: 'DRP error (section 3.06): code is the HTTP status as a string' },
);

/**
 * Answers every error of a /drp/v1 route in the spec's shape rather than Privet's, since agents parse that
 * shape; server-side failures are logged and answered without their details.
 */
export async function drpErrorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  if (error instanceof DrpError) {
    reply.status(error.status);
    return error.options.bodyless === true ? reply.send() : reply.send(drpErrorBody(error));
  }
  let status = 500;
  if (isPrivetError(error)) status = errorStatus[error.code];
  else if ('statusCode' in error && typeof error.statusCode === 'number') status = error.statusCode;
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  // Server-side causes (a broken directory file, the database) are for the log, not for agents.
  const message = status >= 500 ? 'The DRP service failed; try again later' : error.message;
  return reply.status(status).send({ code: String(status), message });
}

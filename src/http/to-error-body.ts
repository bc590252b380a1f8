import type { FastifyError } from 'fastify';
import { isPrivetError, PrivetError, type ErrorCode, type ErrorIssue } from '../domain/errors.ts';
import { errorStatus } from './error-status.ts';
import type { ErrorBody } from './error-body.ts';

// Fastify's own client errors, named by status, keep their message; everything else is hidden.
const statusCode: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function fastifyIssues(error: FastifyError): ErrorIssue[] {
  return (error.validation ?? []).map((v) => ({
    code: v.keyword,
    path: [error.validationContext, v.instancePath.replace(/^\//, '').replaceAll('/', '.')]
      .filter(Boolean)
      .join('.'),
    message: v.message ?? 'is not valid',
  }));
}

/** Maps any thrown value to a status and body; `internal` means the caller must log the original error. */
export function toErrorBody(
  error: unknown,
  requestId: string,
): { status: number; body: ErrorBody; internal: boolean } {
  if (isPrivetError(error)) {
    const internal = errorStatus[error.code] >= 500 && error.code !== 'unavailable';
    const message = internal ? 'Something went wrong on our side. The error was logged.' : error.message;
    const body: ErrorBody = { error: { code: error.code, message, requestId } };
    if (error.issues.length > 0 && !internal) body.error.issues = [...error.issues];
    return { status: errorStatus[error.code], body, internal };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation !== undefined) {
    const issues = fastifyIssues(fastifyError as FastifyError);
    const summary = issues.map((i) => `${i.path || '(body)'} ${i.message}`).join('; ');
    return {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: `The request is not valid: ${summary}`,
          issues,
          requestId,
        },
      },
      internal: false,
    };
  }
  const status = fastifyError.statusCode;
  const code = status === undefined ? undefined : statusCode[status];
  if (status !== undefined && code !== undefined) {
    return {
      status,
      body: { error: { code, message: fastifyError.message ?? code, requestId } },
      internal: false,
    };
  }
  return toErrorBody(new PrivetError('internal', 'unexpected', { cause: error }), requestId);
}

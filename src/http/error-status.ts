import type { ErrorCode } from '../domain/errors.ts';

/** The one table from error code to HTTP status. */
export const errorStatus: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  config_invalid: 500,
  unavailable: 503,
  internal: 500,
};

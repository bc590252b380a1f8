/** Every error code Privet raises; the HTTP layer maps each one to a status in one table. */
export const errorCodes = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'config_invalid',
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** The one error type of Privet: a string code, a message for people, optional issues and the cause. */
export class PrivetError extends Error {
  override readonly name = 'PrivetError';
  readonly code: ErrorCode;
  readonly issues: readonly ErrorIssue[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly ErrorIssue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/** True when the value is a PrivetError, optionally of the given code. */
export function isPrivetError(value: unknown, code?: ErrorCode): value is PrivetError {
  return value instanceof PrivetError && (code === undefined || value.code === code);
}

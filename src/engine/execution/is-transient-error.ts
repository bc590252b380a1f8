import { isPrivetError } from '../../domain/errors.ts';

// Errors worth another try: the network or server went away for a moment, or the database chose this
// transaction as a deadlock or serialisation victim. Anything else (a missing table, a constraint) fails the
// step at once.
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  '40001',
  '40P01',
  '57P01',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

const MESSAGES = /connection (is )?(closed|terminated|lost|refused)|socket hang up|timeout/i;

/** True when the error (or one it aggregates or wraps) is transient; Privet's own errors are decisions. */
export function isTransientError(error: unknown): boolean {
  if (isPrivetError(error)) return false;
  if (error instanceof AggregateError) return error.errors.some(isTransientError);
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CODES.has(code)) return true;
  if (MESSAGES.test(error.message)) return true;
  return error.cause !== undefined && error.cause !== error && isTransientError(error.cause);
}

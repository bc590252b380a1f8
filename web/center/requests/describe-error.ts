import { ApiError } from '../../shared/api-error.ts';
import type { Messages } from '../i18n/messages-en.ts';

// The API says how many tries are left in its (English) message; the number is all the page needs from it.
function triesLeftIn(message: string): number | null {
  const match = /(\d+)\s+(?:tries|try|attempts?)\b/i.exec(message) ?? /\b(\d+)\b/.exec(message);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** A message for the requester, in their language, from anything a public call may throw. */
export function describeError(error: unknown, t: Messages, english: boolean): string {
  if (!(error instanceof ApiError)) return t.errors.generic;
  // The API puts the precise reason in an issue's code (`invalid_code` under `bad_request`, say).
  const codes = new Set([error.code, ...error.issues.map((issue) => issue.code)]);
  if (codes.has('network')) return t.errors.network;
  if (codes.has('too_many_attempts')) return t.errors.codeLocked;
  if (codes.has('invalid_code')) return t.errors.codeWrong(triesLeftIn(error.message));
  if (codes.has('code_expired') || codes.has('no_code')) return t.errors.codeExpired;
  if (codes.has('rate_limited') || error.status === 429) return t.errors.rateLimited;
  // Other messages come from the server in English: shown as they are to English readers only.
  if (english && error.message !== '') return error.message;
  return t.errors.generic;
}

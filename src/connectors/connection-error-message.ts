import { redactUrlSecrets } from '../domain/redact-url-secrets.ts';

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return [...new Set(error.errors.map(describe))].join('; ');
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const text = error.message === '' && typeof code === 'string' ? code : error.message;
    return text === '' ? error.name : text;
  }
  return String(error);
}

/** A one-line message for a failed connection, with the URL's password removed wherever it appears. */
export function connectionErrorMessage(error: unknown, url: string): string {
  return redactUrlSecrets(describe(error).replace(/\s+/g, ' ').trim(), url);
}

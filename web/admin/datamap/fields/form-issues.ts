import { ApiError } from '../../../shared/api-error.ts';
import type { FieldIssues } from '../../field-issues.ts';

const REQUIRED = /^must have required property '([^']+)'$/;
// What a schema says besides the point when a nullable value is wrong: the value is not null, and so matches
// neither branch of the union.
const NOISE = new Set(['must be null', 'must match a schema in anyOf']);

function plain(message: string): string {
  // The pattern itself helps nobody; the field's hint says what is expected.
  if (message.startsWith('must match pattern')) return 'is not in the expected form (see the hint)';
  if (message === 'must NOT have fewer than 1 characters') return 'is required';
  return message;
}

/**
 * The server's problems with a record form, by top-level field: `body.dataCategories.2` counts against
 * `dataCategories`, and a missing required property (reported against the body as a whole) against it.
 * Problems with the request as a whole are left to the error message.
 */
export function formIssues(error: unknown): FieldIssues {
  if (!(error instanceof ApiError)) return {};
  const byField = new Map<string, string[]>();
  for (const issue of error.issues) {
    const path = issue.path.replace(/^body(\.|$)/, '');
    const required = path === '' ? REQUIRED.exec(issue.message)?.[1] : undefined;
    const field = required ?? path.split('.')[0] ?? '';
    if (field === '') continue;
    const message = required === undefined ? plain(issue.message) : 'is required';
    const messages = byField.get(field) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(field, messages);
  }
  const result: Record<string, string> = {};
  for (const [field, messages] of byField) {
    const useful = messages.filter((message) => !NOISE.has(message));
    result[field] = (useful.length > 0 ? useful : messages).join('; ');
  }
  return result;
}

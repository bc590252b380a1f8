import { ApiError } from '../shared/api-error.ts';

/** Problems the server found with a form's fields, by field name; several per field are joined. */
export type FieldIssues = Readonly<Record<string, string>>;

/**
 * The field problems of a failed call. Schema checks name fields `body.password`, use cases `password`: both
 * become `password`. Problems with the request as a whole (an empty path) are left to the error message.
 */
export function fieldIssues(error: unknown): FieldIssues {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.replace(/^body(\.|$)/, '');
    if (field === '') continue;
    byField[field] = byField[field] === undefined ? issue.message : `${byField[field]}; ${issue.message}`;
  }
  return byField;
}

/** One problem with one field of a request, as the API reports it. */
export interface ApiIssue {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

/** A failed API call: the HTTP status, the API's error code and a message fit to show to people. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];

  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** A message for people from anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong. Please try again.';
}

import { ApiError, type ApiIssue } from '../../shared/api-error.ts';

/** How the status page proves it holds the requester's secret: a header, so it never lands in a URL log. */
export const REQUEST_TOKEN_HEADER = 'x-request-token';

export interface PublicCallOptions {
  readonly body?: unknown;
  /** The requester's status token, sent in its header. */
  readonly token?: string;
  readonly signal?: AbortSignal;
}

interface ErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown; readonly issues?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON: the status alone has to do.
  }
  const code = typeof body.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message = typeof body.error?.message === 'string' ? body.error.message : '';
  const issues = Array.isArray(body.error?.issues) ? (body.error.issues as ApiIssue[]) : [];
  return new ApiError(response.status, code, message, issues);
}

/** One JSON call to the public requests API; throws ApiError (code `network` when unreachable). */
export async function publicCall<T>(
  method: 'GET' | 'POST',
  path: string,
  options: PublicCallOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token !== undefined) headers[REQUEST_TOKEN_HEADER] = options.token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'omit',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    throw new ApiError(0, 'network', '');
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

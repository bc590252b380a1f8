import { ApiError, type ApiIssue } from './api-error.ts';

export interface ApiClientOptions {
  /** The session's CSRF token, sent with every unsafe call; null when signed out. */
  readonly csrfToken: () => string | null;
  /** Called when the server says the session is gone (401), so the app can ask to sign in again. */
  readonly onUnauthenticated?: () => void;
}

/** JSON calls to the Privet API from the browser apps. */
export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  put<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  patch<T>(path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
  delete<T>(path: string, signal?: AbortSignal): Promise<T>;
}

interface ErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown; readonly issues?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  const code = typeof body.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message =
    typeof body.error?.message === 'string'
      ? body.error.message
      : `The server answered ${response.status} ${response.statusText}`.trim();
  const issues = Array.isArray(body.error?.issues) ? (body.error.issues as ApiIssue[]) : [];
  return new ApiError(response.status, code, message, issues);
}

/** Makes an API client that sends cookies, the CSRF header on unsafe calls, and throws ApiError on failure. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  async function call<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrfToken = options.csrfToken();
    if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(signal === undefined ? {} : { signal }),
      });
    } catch (error) {
      if (signal?.aborted === true) throw error;
      throw new ApiError(
        0,
        'network',
        'The server could not be reached. Check the connection and try again.',
      );
    }
    if (!response.ok) {
      const error = await toApiError(response);
      if (response.status === 401) options.onUnauthenticated?.();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  return {
    get: <T>(path: string, signal?: AbortSignal) => call<T>('GET', path, undefined, signal),
    post: <T>(path: string, body?: unknown, signal?: AbortSignal) => call<T>('POST', path, body, signal),
    put: <T>(path: string, body?: unknown, signal?: AbortSignal) => call<T>('PUT', path, body, signal),
    patch: <T>(path: string, body?: unknown, signal?: AbortSignal) => call<T>('PATCH', path, body, signal),
    delete: <T>(path: string, signal?: AbortSignal) => call<T>('DELETE', path, undefined, signal),
  };
}

/**
 * The fetch wrapper every feature's api/ file uses. It sends and reads JSON, keeps the session
 * cookie (same origin only), and turns every failure, including no answer at all, into ApiError.
 */
import { ApiError, ClientErrorCode, apiErrorFromResponse } from './api-error.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Serialised as JSON; FormData (a file upload) is sent as multipart, as it is. */
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Non-2xx statuses whose JSON body is an answer rather than a failure, e.g. /readyz says
   * 503 with the same shape as 200.
   */
  acceptStatuses?: readonly number[];
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

// The session's CSRF token (from /api/v1/auth/me or sign-in); the server refuses writes without it.
let csrfToken: string | null = null;

/** Remembers the session's CSRF token for every later write; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, headers, signal, acceptStatuses = [] } = options;
  // The browser sets the multipart Content-Type with its boundary; setting it here would break it.
  const multipart = body instanceof FormData;
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(body === undefined || multipart ? {} : { 'Content-Type': 'application/json' }),
      ...(method !== 'GET' && csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
      ...headers,
    },
    body: body === undefined ? null : multipart ? body : JSON.stringify(body),
    signal: signal ?? null,
  };

  let response: Response;
  try {
    response = await fetch(withQuery(path, query), init);
  } catch (error) {
    // A cancelled query is not a failure to report; TanStack Query expects the AbortError.
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      status: 0,
      code: ClientErrorCode.Network,
      title: 'Network error',
      detail: error instanceof Error ? error.message : undefined,
      cause: error,
    });
  }

  if (!response.ok && !acceptStatuses.includes(response.status)) {
    throw await apiErrorFromResponse(response);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new ApiError({
      status: response.status,
      code: ClientErrorCode.UnexpectedResponse,
      title: 'Invalid JSON',
      detail: text.slice(0, 200),
      cause: error,
    });
  }
}

// Method and body are fixed by the shortcut that takes them.
type BodyOptions = Omit<RequestOptions, 'method' | 'body'>;

export const api = {
  get: <T>(path: string, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: BodyOptions) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
};

export { ApiError, isApiError } from './api-error.ts';

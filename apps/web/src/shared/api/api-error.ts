/**
 * The one error type the web app throws for failed HTTP calls. The server answers every failure
 * as RFC 9457 problem+json carrying a stable `code` (see @wangge/contracts errors.ts); code that
 * reacts to a failure switches on `code`, never on `detail` text.
 */
import type { ErrorCode, FieldError, ProblemDetails } from '@wangge/contracts';

/** Codes the client itself produces when there is no server answer to read. */
export const ClientErrorCode = {
  Network: 'network_error',
  UnexpectedResponse: 'unexpected_response',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export type ApiErrorCode = ErrorCode | ClientErrorCode;

interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string | undefined;
  instance?: string | undefined;
  requestId?: string | undefined;
  fieldErrors?: FieldError[] | undefined;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Stable machine-readable code; a server code may be newer than this build knows. */
  readonly code: ApiErrorCode | (string & {});
  readonly title: string;
  readonly detail: string | undefined;
  readonly instance: string | undefined;
  /** Quote it when reporting a problem: it finds the server log line. */
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.instance = init.instance;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
  }

  get isNetworkError(): boolean {
    return this.code === ClientErrorCode.Network;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === 'string' && typeof v.message === 'string';
}

function isProblem(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.title === 'string';
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Builds an ApiError from a failed response. Problem bodies are read defensively: a proxy or a
 * crashed server may answer with HTML or nothing, and that must still become an ApiError.
 */
export async function apiErrorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isProblem(body)) {
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : response.status,
      code: body.code,
      title: body.title,
      detail: optionalString(body.detail),
      instance: optionalString(body.instance),
      requestId: optionalString(body.requestId),
      fieldErrors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
    });
  }
  return new ApiError({
    status: response.status,
    code: ClientErrorCode.UnexpectedResponse,
    title: response.statusText || `HTTP ${response.status}`,
    detail: text ? text.slice(0, 200) : undefined,
  });
}

/**
 * Field errors keyed the way antd `Form.setFields` wants them. The server reports JSON pointers
 * into the request (`/body/address/street`); the form knows only the body.
 */
export function formFieldErrors(error: ApiError): { name: (string | number)[]; errors: string[] }[] {
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const { path, message } of error.fieldErrors) {
    const segments = path
      .split('/')
      .slice(1)
      .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
    if (segments[0] === 'body') segments.shift();
    const name = segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const key = name.join('/');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byPath.set(key, entry);
  }
  return [...byPath.values()];
}

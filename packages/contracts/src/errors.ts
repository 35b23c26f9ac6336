/**
 * Stable error codes. The server renders every failure as RFC 9457 problem+json with one of these
 * in `code`; the web app switches on them. Never rename a code: add a new one.
 */
import { Type, type Static } from 'typebox';

export const ErrorCode = {
  ValidationFailed: 'validation_failed',
  MalformedBody: 'malformed_body',
  UnsupportedMediaType: 'unsupported_media_type',
  PayloadTooLarge: 'payload_too_large',
  NotFound: 'not_found',
  RouteNotFound: 'route_not_found',
  MethodNotAllowed: 'method_not_allowed',
  Conflict: 'conflict',
  /** The command carried an old version of the record; the body holds the current state. */
  StaleVersion: 'stale_version',
  /** The operation does not apply in the current state or not for this user; the body lists the allowed ones. */
  TransitionNotAllowed: 'transition_not_allowed',
  /** An Idempotency-Key reused with a different request body. */
  IdempotencyKeyReused: 'idempotency_key_reused',
  /** The first request with this Idempotency-Key is still being processed: retry it later with the same key. */
  IdempotencyKeyInFlight: 'idempotency_key_in_flight',
  UnprocessableEntity: 'unprocessable_entity',
  /** An export would hold more rows than one request may (narrow the filters). */
  ExportTooLarge: 'export_too_large',
  Unauthenticated: 'unauthenticated',
  LoginFailed: 'login_failed',
  SignInIncomplete: 'sign_in_incomplete',
  CsrfFailed: 'csrf_failed',
  Forbidden: 'forbidden',
  RateLimited: 'rate_limited',
  ServiceUnavailable: 'service_unavailable',
  Internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const FieldError = Type.Object({
  path: Type.String({ description: 'JSON pointer of the offending field, e.g. /body/name' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldError>;

export const ProblemDetails = Type.Object(
  {
    type: Type.String({ description: 'URI reference naming the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { description: 'RFC 9457 problem details' },
);
export type ProblemDetails = Static<typeof ProblemDetails>;

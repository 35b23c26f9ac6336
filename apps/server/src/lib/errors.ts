/**
 * The one error type. Services throw AppError with a stable code; http/problem.ts renders it as
 * RFC 9457 problem+json. Anything else that escapes is a bug and becomes a bare 500.
 */
import { ErrorCode, type FieldError } from '@wangge/contracts';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(message: string, errors?: FieldError[]) {
    return new AppError(400, ErrorCode.ValidationFailed, message, errors ? { errors } : {});
  }
  static notFound(what: string) {
    return new AppError(404, ErrorCode.NotFound, `${what} not found`);
  }
  static conflict(message: string, extra: Record<string, unknown> = {}) {
    return new AppError(409, ErrorCode.Conflict, message, extra);
  }
  /** The record (ticket, person, unit) changed since the caller read it: 409 with the record as it is now. */
  static staleVersion(what: string, current: { version: number }, sent: number, extra: Record<string, unknown> = {}) {
    return new AppError(
      409,
      ErrorCode.StaleVersion,
      `${what} changed since you read it (version ${current.version}, you sent ${sent}); reload it`,
      { currentVersion: current.version, ...extra, current },
    );
  }
  static forbidden(message = 'You may not do this here') {
    return new AppError(403, ErrorCode.Forbidden, message);
  }
  /** An export over its per-request cap is refused whole, never cut short without a word. */
  static exportTooLarge(cap: number) {
    return new AppError(422, ErrorCode.ExportTooLarge, `More than ${cap} rows: narrow the filters and export in parts`, { cap });
  }
  static unauthenticated(message = 'Sign in first') {
    return new AppError(401, ErrorCode.Unauthenticated, message);
  }
}

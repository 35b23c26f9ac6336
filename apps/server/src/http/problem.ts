/**
 * Turns every failure into RFC 9457 problem+json with a stable code. Validation failures name the
 * field; framework errors (bad JSON, wrong media type, oversized body) keep their 4xx; a database
 * constraint the services did not check first is still the caller's 4xx; anything unexpected
 * becomes a 500 with no detail, logged with the request id.
 */
import { ErrorCode, type FieldError, type ProblemDetails } from '@wangge/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constraintProblem } from '../db/errors.ts';
import { AppError } from '../lib/errors.ts';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  const body: ProblemDetails & Record<string, unknown> = {
    type: `https://wangge.dev/problems/${code}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    detail,
    instance: request.url.split('?')[0],
    requestId: String(request.id),
    ...extra,
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').serializer(JSON.stringify).send(body);
}

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
}

function fieldErrors(error: FastifyError): FieldError[] {
  const where = (error as { validationContext?: string }).validationContext ?? 'body';
  return ((error.validation ?? []) as AjvIssue[]).map((issue) => {
    let path = `/${where}${issue.instancePath ?? ''}`;
    const missing = issue.params?.missingProperty;
    const extraProp = issue.params?.additionalProperty;
    if (typeof missing === 'string') path += `/${missing}`;
    if (typeof extraProp === 'string') path += `/${extraProp}`;
    const message = typeof extraProp === 'string' ? 'is not an allowed property' : (issue.message ?? 'is invalid');
    return { path, message };
  });
}

const frameworkCodes: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, ErrorCode.UnsupportedMediaType],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, ErrorCode.MalformedBody],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, ErrorCode.PayloadTooLarge],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, ErrorCode.MalformedBody],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, ErrorCode.MalformedBody],
};

/**
 * Errors the router meets before any route or hook runs (a path that is not valid percent-encoded
 * UTF-8, a path parameter past maxParamLength): Fastify would answer them in its own JSON shape.
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (error.statusCode ?? 400);
  if (status >= 500) {
    request.log.error({ err: error }, 'router error');
    return sendProblem(request, reply, 500, ErrorCode.Internal, 'Something went wrong on our side. Quote the request id.');
  }
  const detail = status === 414 ? 'A path segment is too long' : 'The URL is not valid (percent-encoding of UTF-8 expected)';
  return sendProblem(request, reply, status, ErrorCode.ValidationFailed, detail);
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.code, error.message, error.extra);
    }
    if (error.validation) {
      const errors = fieldErrors(error);
      const first = errors[0];
      const detail = first ? `${first.path} ${first.message}` : 'The request is invalid';
      return sendProblem(request, reply, 400, ErrorCode.ValidationFailed, detail, { errors });
    }
    const mapped = error.code ? frameworkCodes[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped[0], mapped[1], error.message);
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendProblem(request, reply, 400, ErrorCode.MalformedBody, `Body is not valid JSON: ${error.message}`);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = status === 429 ? ErrorCode.RateLimited : ErrorCode.ValidationFailed;
      return sendProblem(request, reply, status, code, error.message);
    }
    const constraint = constraintProblem(error);
    if (constraint) {
      // The answer is right, but a service should have said it first and more precisely.
      request.log.warn({ err: error }, 'database constraint reached the error handler');
      const code = constraint.status === 409 ? ErrorCode.Conflict : ErrorCode.ValidationFailed;
      return sendProblem(request, reply, constraint.status, code, constraint.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, ErrorCode.Internal, 'Something went wrong on our side. Quote the request id.');
  });
}

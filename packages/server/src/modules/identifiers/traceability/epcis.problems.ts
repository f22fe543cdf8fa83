import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, appErrorOf, errorBody, requestLocale } from '../../../platform/errors.ts';

// The EPCIS 2.0 REST binding's errors: RFC 7807 problem details (application/problem+json) whose type is
// one of the standard's exceptions (EPCIS 2.0 §8.2 query/capture exceptions as `epcisException:<Name>`,
// REST binding openapi.yaml). The platform's own error object rides along as an extension member, so a
// client of either reads its shape.

/** The EPCIS exception an error is. */
export function exceptionOf(error: AppError, method: string): string {
  if (error.status === 401 || error.status === 403) return 'SecurityException';
  if (error.status === 404) return 'NoSuchResourceException';
  if (error.status === 406) return 'NotAcceptableException';
  if (error.status === 415) return 'UnsupportedMediaTypeException';
  if (error.status === 413) return error.key === 'traceability.queryTooLarge' ? 'QueryTooLargeException' : 'CaptureLimitExceededException';
  if (error.status === 414) return 'QueryTooComplexException';
  if (error.status >= 500) return 'ImplementationException';
  return method === 'GET' ? 'QueryParameterException' : 'ValidationException';
}

/** WWW-Authenticate for a 401 (RFC 9110 §11.6.1): EPCIS clients authenticate with HTTP Basic (the enterprise API key). */
export const BASIC_CHALLENGE = 'Basic realm="EPCIS", charset="UTF-8"';

export function problemBody(error: AppError, request: FastifyRequest) {
  const locale = requestLocale(request);
  const platform = errorBody(error, locale);
  const exception = exceptionOf(error, request.method);
  return {
    type: `epcisException:${exception}`,
    title: exception,
    status: error.status,
    detail: platform.error.message,
    instance: request.url.split('?')[0],
    ...platform,
  };
}

/** The error handler of the /epcis scope (and of the errors Fastify finds there before routing). */
export function sendProblem(raw: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const error = appErrorOf(raw, request);
  if (error.status < 500) request.log.info({ status: error.status, code: error.key, field: error.field }, 'client error');
  if (error.status === 401) void reply.header('www-authenticate', BASIC_CHALLENGE);
  void reply.status(error.status).type('application/problem+json; charset=utf-8').send(problemBody(error, request));
}

/** A refused event of a 'proceed' capture as a problem (the capture job's errors). */
export function eventProblem(
  r: {
    path: string;
    eventId: string | null;
    status: number;
    problems: { field: string; key: string; params?: Record<string, string | number> }[];
  },
  request: FastifyRequest,
) {
  const locale = requestLocale(request);
  const first = r.problems[0]!;
  const error = new AppError(r.status, first.key as never, first.params ?? {}, first.field, r.problems as never);
  const exception = r.status === 409 ? 'ValidationException' : exceptionOf(error, 'POST');
  return {
    type: `epcisException:${exception}`,
    title: exception,
    status: r.status,
    detail: errorBody(error, locale).error.message,
    instance: `#/${r.path.replace(/\./g, '/')}`,
    eventID: r.eventId,
    ...errorBody(error, locale),
  };
}

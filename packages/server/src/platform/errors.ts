import { fieldLabel, formatMessage, localeFromAcceptLanguage, type Locale, type MessageKey } from '@zhizao/domain';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** An error the caller can act on. Thrown anywhere; turned into the one error shape below. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
    /** Every problem of a form, field by field; each is localised like the main message. */
    readonly problems?: FieldProblemDetail[],
    /** Names of fields where the shared field labels do not fit (a register's own fields). */
    readonly labels?: FieldLabels,
  ) {
    super(key);
  }
}

export type FieldLabels = (field: string) => { zh: string; en: string } | undefined;

export interface FieldProblemDetail {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
  /** The rule that was checked, in words (a plausibility warning shows it). */
  rule?: { zh: string; en: string };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's own field names, for its validation errors (the registers name their fields). */
    fieldLabels?: FieldLabels;
  }
}

function labelOf(field: string, locale: Locale, labels: FieldLabels | undefined): string {
  const own = labels?.(field) ?? labels?.(field.split('.').at(-1) ?? field);
  return own ? (locale === 'en' ? own.en : own.zh) : fieldLabel(field, locale);
}

export const notFound = (key: MessageKey = 'request.notFound') => new AppError(404, key);
export const forbidden = (key: MessageKey = 'auth.forbidden') => new AppError(403, key);

export function requestLocale(request: FastifyRequest): Locale {
  return localeFromAcceptLanguage(request.headers['accept-language']);
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

/** The `{field}` parameter of an error's message: the field's label in the locale (protocol routes format messages themselves). */
export function fieldParam(error: AppError, locale: Locale): { field?: string } {
  return error.field ? { field: labelOf(error.field, locale, error.labels) } : {};
}

export function errorBody(error: AppError, locale: Locale): ErrorBody {
  const params = { ...error.params, ...fieldParam(error, locale) };
  return {
    error: {
      code: error.key,
      message: formatMessage(error.key, locale, params),
      ...(error.field ? { field: error.field } : {}),
      ...(error.problems ? { details: error.problems.map((p) => localiseProblem(p, locale, error.labels)) } : {}),
    },
  };
}

export function localiseProblem(p: FieldProblemDetail, locale: Locale, labels?: FieldLabels) {
  return {
    field: p.field,
    code: p.key,
    message: formatMessage(p.key, locale, { ...p.params, field: labelOf(p.field, locale, labels) }),
    ...(p.rule ? { rule: locale === 'en' ? p.rule.en : p.rule.zh } : {}),
  };
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turns the first JSON-schema validation error into an AppError naming the field. */
function fromValidation(errors: AjvError[], context: string | undefined, labels: FieldLabels | undefined): AppError {
  const error = validationError(errors, context);
  return labels ? new AppError(error.status, error.key, error.params, error.field, undefined, labels) : error;
}

function validationError(errors: AjvError[], context: string | undefined): AppError {
  const e = errors[0]!;
  const pathField = e.instancePath.split('/').filter(Boolean).join('.');
  let field = pathField || context || 'body';
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      field = [pathField, String(p.missingProperty)].filter(Boolean).join('.');
      return new AppError(400, 'validation.required', {}, field);
    case 'additionalProperties':
      field = [pathField, String(p.additionalProperty)].filter(Boolean).join('.');
      return new AppError(400, 'validation.additionalProperties', {}, field);
    case 'type':
      return new AppError(400, 'validation.type', { type: String(p.type) }, field);
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
      return new AppError(400, `validation.${e.keyword}` as MessageKey, { limit: String(p.limit) }, field);
    case 'pattern':
      return new AppError(400, 'validation.pattern', {}, field);
    case 'format':
      return new AppError(400, 'validation.format', { format: String(p.format) }, field);
    case 'enum':
      return new AppError(400, 'validation.enum', { allowed: (p.allowedValues as unknown[]).join(', ') }, field);
    default:
      return new AppError(400, 'validation.invalid', {}, field);
  }
}

/** Any failure as the AppError it is answered with (validation, JSON, size and media-type errors named; others 500, logged). */
export function appErrorOf(raw: FastifyError & { validation?: AjvError[]; validationContext?: string }, request: FastifyRequest): AppError {
  if (raw instanceof AppError) return raw;
  if (raw.validation) return fromValidation(raw.validation, raw.validationContext, request.routeOptions.config?.fieldLabels);
  if (raw.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || raw instanceof SyntaxError) return new AppError(400, 'request.badJson');
  if (raw.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || raw.code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'request.tooLarge');
  if (raw.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError(415, 'request.unsupportedMediaType');
  if (raw.statusCode && raw.statusCode >= 400 && raw.statusCode < 500) return new AppError(raw.statusCode, 'request.badBody');
  request.log.error({ err: raw }, 'unhandled error');
  return new AppError(500, 'server.internal');
}

/** One place that turns every failure into `{ error: { code, message, field? } }` in the caller's language. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError & { validation?: AjvError[]; validationContext?: string }, request, reply) => {
    const error = appErrorOf(raw, request);
    // the caller's mistake, not the server's: one line, no stack
    if (error.status < 500) request.log.info({ status: error.status, code: error.key, field: error.field }, 'client error');
    // A download route may have set its own type and file name before failing: the error is JSON.
    reply.removeHeader('content-disposition');
    if (error.status === 429 && error.params.seconds !== undefined) void reply.header('retry-after', String(error.params.seconds));
    void reply
      .status(error.status)
      .type('application/json; charset=utf-8')
      .send(errorBody(error, requestLocale(request)));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody(new AppError(404, 'request.notFound'), requestLocale(request)));
  });
}

type ErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;
const protocolErrorShapes = new Map<string, ErrorHandler>();

/**
 * A protocol with its own error shape (Handle.Net's responseCode) answers errors found before routing, under its
 * path prefix, with its route error handler too: a client of that protocol reads no other shape.
 */
export function answerFrameworkErrorsUnder(prefix: string, handler: ErrorHandler): void {
  protocolErrorShapes.set(prefix, handler);
}

/**
 * Errors Fastify answers before routing (a malformed percent-encoding, an overlong path parameter): the
 * `frameworkErrors` option, so they too come in the one shape.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const shaped = [...protocolErrorShapes].find(([prefix]) => request.url.startsWith(prefix));
  if (shaped) return void shaped[1](new AppError(status, 'request.badUrl') as never, request, reply);
  void reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send(errorBody(new AppError(status, 'request.badUrl'), requestLocale(request)));
}

/**
 * Requests Node's HTTP parser rejects (headers over the size limit, broken request lines, timeouts): the
 * `clientErrorHandler` option. There are no parsed headers yet, so the message is in the default language.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, key]: [number, MessageKey] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'request.headersTooLarge']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request.timeout']
        : [400, 'request.malformed'];
  const body = JSON.stringify(errorBody(new AppError(status, key), 'zh-CN'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

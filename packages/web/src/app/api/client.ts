import type { Locale } from '@zhizao/domain';
import { storedLocale } from '../i18n/types.ts';

/** A field problem as the server reports it (packages/server/src/platform/errors.ts). */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/** The one error shape of the API: `{ error: { code, message, field?, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }
}

// Module state shared by every request: set by the auth and i18n providers.
const state: { csrfToken: string | null; locale: Locale; onSessionError: ((error: ApiError) => void) | null } = {
  csrfToken: null,
  locale: storedLocale(),
  onSessionError: null,
};

export const setCsrfToken = (token: string | null) => void (state.csrfToken = token);
export const setApiLocale = (locale: Locale) => void (state.locale = locale);
/** Told of every answer that changes the session: a lost session (401), an expired password (403). */
export const onSessionError = (handler: ((error: ApiError) => void) | null) => void (state.onSessionError = handler);

/** The server refuses everything but changing the password until an expired one is changed. */
export const isPasswordExpired = (error: ApiError) => error.status === 403 && error.code === 'auth.passwordExpired';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Headers every call carries: the language, and on writes the session's CSRF token. */
export function requestHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'Accept-Language': state.locale };
  if (UNSAFE.has(method) && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;
  return headers;
}

/** The request never got an answer: the server is down or the connection dropped. */
export const networkError = () =>
  new ApiError(
    0,
    'network',
    state.locale === 'en' ? 'Cannot reach the server; check the connection and try again' : '无法连接服务器，请检查网络后重试',
  );

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x`, leaving out empty values so the server's defaults apply. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/** Turns a failed response's body into an ApiError, and tells the auth layer about a lost session or an expired password. */
export function toApiError(status: number, body: unknown, fallback: string): ApiError {
  const e = (body as { error?: { code?: string; message?: string; field?: string; details?: FieldProblem[] } } | null)?.error;
  const error = new ApiError(
    status,
    e?.code ?? `http.${status}`,
    e?.message ?? fallback,
    e?.field,
    Array.isArray(e?.details) ? e.details : [],
  );
  // A wrong password on the login form is a 401 too, but it is not a lost session.
  if ((status === 401 && error.code !== 'auth.badCredentials') || isPasswordExpired(error)) state.onSessionError?.(error);
  return error;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the JSON API with the session cookie; resolves with the body or rejects with an ApiError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = requestHeaders(method);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError();
  }
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response.status, body, response.statusText);
  return body as T;
}

/** The text to show a person for a failure: the server's localised message when there is one. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

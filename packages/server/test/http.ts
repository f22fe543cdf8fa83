import type { TestClient, TestResponse } from './harness.ts';

// HTTP helpers for the route-wide sweeps (conventions, bad input, role matrix).

/** Runs `run` over the items, `width` at a time, as a browser would. */
export async function inParallel<T>(items: readonly T[], width: number, run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/** Percent-encodes a value, lone surrogates included (as the invalid UTF-8 a hostile client sends). */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((ch) => (/[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

/**
 * Like `TestClient.raw` (cookie, CSRF token, language) with a raw body, and a time limit: a hung
 * request is a failure too. A network error answers status 0.
 */
export async function send(
  c: TestClient,
  method: string,
  path: string,
  init: { body?: RequestInit['body']; headers?: Record<string, string> },
  timeoutMs = 10_000,
): Promise<TestResponse> {
  const headers: Record<string, string> = { 'accept-language': c.language, ...init.headers };
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= c.csrfToken;
  try {
    const response = await fetch(c.baseUrl + path, { method, headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: the shape check reports it
    }
    return { status: response.status, body, headers: response.headers };
  } catch (error) {
    return { status: 0, body: String(error), headers: new Headers() };
  }
}

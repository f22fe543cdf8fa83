import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { RateLimitConfig } from '../config.ts';
import { AppError } from './errors.ts';

// What a browser and a flood meet before any module: security headers on every answer, and per-source
// request limits on the routes that guess at secrets (logins, API keys) or that anyone may post to.

const MINUTE = 60_000;

/** Limiters the modules attach to their routes; built once, with the app. */
export interface RequestLimits {
  loginPerSource: preHandlerAsyncHookHandler;
  loginPerUsername: preHandlerAsyncHookHandler;
  publicForms: preHandlerAsyncHookHandler;
  publicPages: preHandlerAsyncHookHandler;
  /** Failed API-key authentications: `failed` counts one, `refuseIfBlocked` answers 429 while the source is over. */
  apiKeyFailures: FailureLimit;
}

// The web app is a Vite build (scripts from 'self' only); Ant Design writes its styles at run time, so
// inline styles are allowed. No framing anywhere (clickjacking), no plug-ins, forms post to 'self'.
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function registerProtection(app: FastifyInstance, limits: RateLimitConfig): Promise<RequestLimits> {
  // helmet's middleware built once: @fastify/helmet builds it again on every request (it parses the CSP
  // directives each time, about 4 % of a resolution's CPU in the soak)
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only where the request came over TLS (directly or through the trusted proxy): below
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });

  await app.register(rateLimit, { global: false });
  // Each limiter checks through the library's counter; written as our own hook because the plugin's hooks
  // run once per request (a second limiter on the same route would be skipped).
  const perMinute = (max: number, keyGenerator: (request: FastifyRequest) => string): preHandlerAsyncHookHandler => {
    const check = app.createRateLimit({ max, timeWindow: MINUTE, keyGenerator });
    return async (request) => {
      const result = await check(request);
      if (result.isAllowed || !result.isExceeded) return;
      throw new AppError(429, 'request.rateLimited', { seconds: result.ttlInSeconds });
    };
  };
  return {
    loginPerSource: perMinute(limits.loginPerSource, (request) => `login:${request.ip}`),
    loginPerUsername: perMinute(limits.loginPerUsername, (request) => {
      const username = (request.body as { username?: unknown } | null)?.username;
      return `login-username:${typeof username === 'string' ? username.trim().toLowerCase() : ''}`;
    }),
    publicForms: perMinute(limits.publicFormsPerSource, (request) => `form:${request.ip}`),
    publicPages: perMinute(limits.publicPagesPerSource, (request) => `page:${request.ip}`),
    apiKeyFailures: new FailureLimit(
      app.createRateLimit({ max: limits.apiKeyFailuresPerSource, timeWindow: MINUTE, keyGenerator: (request) => `api-key:${request.ip}` }),
    ),
  };
}

type Check = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Counts failures only (the library's counter), so an enterprise system registering at volume with a good
 * key is never slowed; a source over the limit is refused until its window ends, before its key is checked.
 */
export class FailureLimit {
  private readonly blockedUntil = new Map<string, number>();
  constructor(private readonly check: Check) {}

  refuseIfBlocked(request: FastifyRequest): void {
    const until = this.blockedUntil.get(request.ip);
    if (until === undefined) return;
    if (until <= Date.now()) {
      this.blockedUntil.delete(request.ip);
      return;
    }
    // the error handlers set Retry-After from `seconds`
    throw new AppError(429, 'request.rateLimited', { seconds: Math.ceil((until - Date.now()) / 1000) });
  }

  async failed(request: FastifyRequest): Promise<void> {
    const result = await this.check(request);
    // the max-th failure closes the window: max failures are let through, none after them
    if (result.isAllowed || result.remaining > 0) return;
    // bounded: the oldest block goes first (a Map keeps insertion order)
    if (this.blockedUntil.size >= 10_000) this.blockedUntil.delete(this.blockedUntil.keys().next().value!);
    this.blockedUntil.set(request.ip, Date.now() + result.ttl);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The request limits of registerProtection, for routes to attach. */
    limits: RequestLimits;
  }
}

import { chinaDay, handleKey, splitHandle } from '@zhizao/domain';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { timingSafeEqual } from 'node:crypto';
import { randomToken, sha256, sm3 } from '../../platform/crypto.ts';
import type { IdentifierNode } from './node.ts';
import { hasGrant } from './repo.ts';

// Who calls the machine APIs. Handle.Net clients send HTTP Basic with `300:<prefix>/ADMIN` (or `300%3A…`) and a
// secret (shared/domain/identifiers.md §5 Auth); we take an enterprise API key's secret there, or its key id as the
// user name. SNMS clients trade the same pair for a 24-hour bearer token (§6). A web session of an enterprise user
// counts as that enterprise. Unlike Handle.Net, Basic is accepted over plain HTTP: TLS ends at the reverse proxy.

export interface Caller {
  enterpriseId: number;
  keyId: string | null;
}

export type CallerResult = { caller: Caller } | { problem: 'needed' | 'failed' } | { caller: null };

const VERIFIED_FOR_MS = 60_000;
export const TOKEN_HOURS = 24;

export function parseBasic(header: string | undefined): { user: string; secret: string } | null {
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.lastIndexOf(':');
  if (colon <= 0) return null;
  let user = decoded.slice(0, colon);
  try {
    user = decodeURIComponent(user);
  } catch {
    // not percent-encoded: taken as it is
  }
  return { user, secret: decoded.slice(colon + 1) };
}

/** The enterprise an API key id and secret, or a `300:<prefix>/ADMIN` identity and secret, stand for; null when they do not match. */
export async function verifyApiCredentials(
  ctx: AppContext,
  node: IdentifierNode,
  request: FastifyRequest,
  user: string,
  secret: string,
): Promise<Caller | null> {
  const failures = request.server.limits.apiKeyFailures;
  failures.refuseIfBlocked(request);
  const caller = await checkApiCredentials(ctx, node, user, secret);
  if (!caller) await failures.failed(request);
  return caller;
}

/**
 * SNMS's digest login (id-guide SNMS v3 身份认证, «密文传输», `/identity/token/v1`): the password is
 * sha256(sha256(secret) + "yyyy-MM-dd"). The day is the China day; the one before and after are taken too, so a
 * client whose clock is a little off around midnight still logs in.
 */
export async function verifyDigestCredentials(
  ctx: AppContext,
  node: IdentifierNode,
  request: FastifyRequest,
  user: string,
  digest: string,
): Promise<Caller | null> {
  const failures = request.server.limits.apiKeyFailures;
  failures.refuseIfBlocked(request);
  const now = Date.now();
  const days = [now - 86_400_000, now, now + 86_400_000].map(chinaDay);
  const given = Buffer.from(digest.toLowerCase());
  const matches = (secretSha256: string | null) =>
    secretSha256 !== null &&
    days.some((day) => {
      const expected = Buffer.from(sha256(secretSha256 + day));
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
  const row = (await keysNamed(ctx, node, user)).find((k) => matches(k.secretSha256));
  if (!row) {
    await failures.failed(request);
    return null;
  }
  await ctx.db.updateTable('idApiKey').set({ lastUsedAt: new Date().toISOString() }).where('id', '=', row.id).execute();
  return { enterpriseId: row.enterpriseId, keyId: row.id };
}

/** The live keys a user name stands for: a key id, or every key of the enterprise behind `300:<prefix>/ADMIN`. */
async function keysNamed(ctx: AppContext, node: IdentifierNode, user: string) {
  let query = ctx.db.selectFrom('idApiKey').select(['id', 'enterpriseId', 'secretSha256']).where('revokedAt', 'is', null);
  const admin = /^300:(.+)\/ADMIN$/i.exec(user);
  if (admin) {
    const owner = node.owner(handleKey(admin[1]!));
    if (!owner) return [];
    query = query.where('enterpriseId', '=', owner.enterpriseId);
  } else query = query.where('id', '=', user);
  return query.execute();
}

async function checkApiCredentials(ctx: AppContext, node: IdentifierNode, user: string, secret: string): Promise<Caller | null> {
  const cacheKey = sm3(`${user}\u0000${secret}`);
  const cached = node.verified.get(cacheKey);
  if (cached && cached.until > Date.now()) return { enterpriseId: cached.enterpriseId, keyId: cached.keyId };
  const hash = sm3(secret);
  let query = ctx.db.selectFrom('idApiKey').select(['id', 'enterpriseId']).where('secretHash', '=', hash).where('revokedAt', 'is', null);
  const admin = /^300:(.+)\/ADMIN$/i.exec(user);
  if (admin) {
    const owner = node.owner(handleKey(admin[1]!));
    if (!owner) return null;
    query = query.where('enterpriseId', '=', owner.enterpriseId);
  } else query = query.where('id', '=', user);
  const row = await query.executeTakeFirst();
  if (!row) return null;
  node.verified.set(cacheKey, { enterpriseId: row.enterpriseId, keyId: row.id, until: Date.now() + VERIFIED_FOR_MS });
  await ctx.db.updateTable('idApiKey').set({ lastUsedAt: new Date().toISOString() }).where('id', '=', row.id).execute();
  return { enterpriseId: row.enterpriseId, keyId: row.id };
}

/** The caller of a Handle.Net request: Basic credentials, else an enterprise user's session, else anonymous (null). */
export async function handleCaller(ctx: AppContext, node: IdentifierNode, request: FastifyRequest): Promise<CallerResult> {
  const authorization = request.headers.authorization;
  if (authorization) {
    const basic = parseBasic(authorization);
    if (!basic) return { problem: 'failed' };
    const caller = await verifyApiCredentials(ctx, node, request, basic.user, basic.secret);
    return caller ? { caller } : { problem: 'failed' };
  }
  const actor = request.actor;
  if (actor?.enterpriseId && actor.role === 'enterprise_user') return { caller: { enterpriseId: actor.enterpriseId, keyId: null } };
  return { caller: null };
}

export async function issueToken(ctx: AppContext, caller: Caller): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + TOKEN_HOURS * 3_600_000).toISOString();
  await ctx.db.deleteFrom('idToken').where('expiresAt', '<', new Date().toISOString()).execute();
  await ctx.db
    .insertInto('idToken')
    .values({ tokenHash: sm3(token), enterpriseId: caller.enterpriseId, apiKeyId: caller.keyId ?? '', expiresAt })
    .execute();
  return token;
}

/** The caller of an SNMS request (`Authorization: Bearer <token>`), or null. Tokens of revoked keys stop working. */
export async function tokenCaller(ctx: AppContext, request: FastifyRequest): Promise<Caller | null> {
  const match = /^bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const row = await ctx.db
    .selectFrom('idToken as t')
    .innerJoin('idApiKey as k', 'k.id', 't.apiKeyId')
    .select(['t.enterpriseId', 't.apiKeyId', 't.expiresAt'])
    .where('t.tokenHash', '=', sm3(match[1]!))
    .where('k.revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row || row.expiresAt < new Date().toISOString()) return null;
  return { enterpriseId: row.enterpriseId, keyId: row.apiKeyId };
}

/** Does the caller read the non-public values under this prefix: its owner, or an enterprise the owner granted? */
export async function readsPrivate(ctx: AppContext, caller: Caller | null, prefix: string, ownerId: number): Promise<boolean> {
  if (!caller) return false;
  if (caller.enterpriseId === ownerId) return true;
  return hasGrant(ctx.db, prefix, caller.enterpriseId);
}

export const prefixOfKey = (key: string): string | null => splitHandle(key)?.prefix ?? null;

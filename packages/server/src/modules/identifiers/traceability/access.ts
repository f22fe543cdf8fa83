import type { FastifyRequest } from 'fastify';
import { auditActor, authorize } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { parseBasic, verifyApiCredentials } from '../credentials.ts';
import { identifierNode } from '../node.ts';
import type { Capturer } from './capture.service.ts';
import type { EventScope } from './repo.ts';

// Who may capture and read EPCIS events. A machine sends an enterprise API key as HTTP Basic (the
// identifier node's credentials: key id or `300:<prefix>/ADMIN` and the secret); a person uses the web
// session of an enterprise user. Either way the events belong to, and are read by, that enterprise; the
// bureau (node operator) reads all.

async function apiKeyEnterprise(ctx: AppContext, request: FastifyRequest): Promise<{ enterpriseId: number; keyId: string | null } | null> {
  const header = request.headers.authorization;
  if (!header || request.actor) return null;
  const basic = parseBasic(header);
  const caller = basic ? await verifyApiCredentials(ctx, identifierNode(ctx), request, basic.user, basic.secret) : null;
  if (!caller) throw new AppError(401, 'traceability.badApiKey');
  return caller;
}

export async function capturerOf(ctx: AppContext, request: FastifyRequest): Promise<Capturer> {
  const key = await apiKeyEnterprise(ctx, request);
  if (key) {
    return {
      enterpriseId: key.enterpriseId,
      userId: null,
      apiKeyId: key.keyId,
      audit: { userId: null, username: `api-key:${key.keyId ?? ''}`, role: null, ip: request.ip },
    };
  }
  const actor = authorize(request, 'traceability.event.capture');
  if (actor.enterpriseId === null) throw new AppError(403, 'traceability.noEnterprise');
  return { enterpriseId: actor.enterpriseId, userId: actor.userId, apiKeyId: null, audit: auditActor(request) };
}

export async function readerScope(ctx: AppContext, request: FastifyRequest): Promise<EventScope> {
  const key = await apiKeyEnterprise(ctx, request);
  if (key) return { enterpriseId: key.enterpriseId };
  const actor = authorize(request, 'traceability.event.read');
  if (actor.role === 'bureau_admin') return { enterpriseId: null };
  if (actor.enterpriseId === null) throw new AppError(403, 'auth.forbidden');
  return { enterpriseId: actor.enterpriseId };
}

/** The enterprise of a warehouse user (session only: the warehouse pages are the enterprise's own). */
export function warehouseEnterprise(
  request: FastifyRequest,
  permission: 'traceability.warehouse.read' | 'traceability.warehouse.write',
): number {
  const actor = authorize(request, permission);
  if (actor.enterpriseId === null) throw new AppError(403, 'traceability.noEnterprise');
  return actor.enterpriseId;
}

// Resolved in preValidation (so a stranger gets 401/403 whatever the body), used by the handler.
const resolved = new WeakMap<FastifyRequest, Capturer | EventScope>();

export const capturerFirst = (ctx: AppContext) => ({
  preValidation: async (request: FastifyRequest) => {
    resolved.set(request, await capturerOf(ctx, request));
  },
});
export const readerFirst = (ctx: AppContext) => ({
  preValidation: async (request: FastifyRequest) => {
    resolved.set(request, await readerScope(ctx, request));
  },
});
export const resolvedCapturer = (request: FastifyRequest) => resolved.get(request) as Capturer;
export const resolvedScope = (request: FastifyRequest) => resolved.get(request) as EventScope;

import { can, handleKey, type Actor } from '@zhizao/domain';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

// Ownership checks of the web-facing routes: an enterprise sees its own prefixes; the node operator (and,
// read-only, whoever holds identifiers.node.read) sees every prefix.

export function enterpriseOf(actor: Actor): number {
  if (actor.role !== 'enterprise_user' || !actor.enterpriseId) throw new AppError(403, 'identifiers.noEnterprise');
  return actor.enterpriseId;
}

export const seesAllPrefixes = (actor: Actor): boolean => can(actor, 'identifiers.node.operate') || can(actor, 'identifiers.node.read');

/** The prefix row when the actor may see it: its owner or the node's staff; 404 otherwise (no hint it exists). */
export async function visiblePrefix(ctx: AppContext, actor: Actor, prefix: string) {
  const row = await ctx.db.selectFrom('idPrefix').selectAll().where('prefix', '=', handleKey(prefix)).executeTakeFirst();
  if (!row || (!seesAllPrefixes(actor) && row.enterpriseId !== actor.enterpriseId)) throw new AppError(404, 'identifiers.prefixNotFound');
  return row;
}

/** The prefix row when the actor's enterprise owns it (for writes); 404 otherwise. */
export async function ownedPrefix(ctx: AppContext, actor: Actor, prefix: string) {
  const enterpriseId = enterpriseOf(actor);
  const row = await ctx.db.selectFrom('idPrefix').selectAll().where('prefix', '=', handleKey(prefix)).executeTakeFirst();
  if (!row || row.enterpriseId !== enterpriseId) throw new AppError(404, 'identifiers.prefixNotFound');
  return row;
}

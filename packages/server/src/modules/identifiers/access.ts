import type { FastifyRequest } from 'fastify';
import { can, handleKey, type Actor } from '@zhizao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { requireActor } from '../../platform/auth.ts';
import { AppError } from '../../platform/errors.ts';

// Ownership checks of the web-facing routes: an enterprise sees its own prefixes; a district officer (who holds
// identifiers.node.read) those of the enterprises in their district, with their contacts; the node operator every prefix.

export function enterpriseOf(actor: Actor): number {
  if (actor.role !== 'enterprise_user' || !actor.enterpriseId) throw new AppError(403, 'identifiers.noEnterprise');
  return actor.enterpriseId;
}

/** Whose prefixes (and their identifiers, templates and statistics) the actor reads. */
export type PrefixScope = { all: true } | { all: false; districtCode: string } | { all: false; enterpriseId: number };

export function prefixScope(actor: Actor): PrefixScope {
  if (can(actor, 'identifiers.node.operate')) return { all: true };
  if (actor.role === 'district_officer') return { all: false, districtCode: actor.districtCode ?? '' };
  return { all: false, enterpriseId: enterpriseOf(actor) };
}

/** The ids of the enterprises a limited scope covers, as a subquery (for `where(enterpriseIdColumn, 'in', …)`). */
export function enterprisesIn(db: Kysely<Database>, scope: Exclude<PrefixScope, { all: true }>) {
  const query = db.selectFrom('enterprise').select('enterprise.id');
  return 'districtCode' in scope
    ? query.where('enterprise.districtCode', '=', scope.districtCode)
    : query.where('enterprise.id', '=', scope.enterpriseId);
}

/** The prefix row when the actor may see it (its owner, the owner's district officer, the node operator); 404 otherwise (no hint it exists). */
export async function visiblePrefix(ctx: AppContext, actor: Actor, prefix: string) {
  const scope = prefixScope(actor);
  let query = ctx.db.selectFrom('idPrefix').selectAll().where('prefix', '=', handleKey(prefix));
  if (!scope.all) query = query.where('enterpriseId', 'in', enterprisesIn(ctx.db, scope));
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError(404, 'identifiers.prefixNotFound');
  return row;
}

/** The prefix row when the actor's enterprise owns it (for writes); 404 otherwise. */
export async function ownedPrefix(ctx: AppContext, actor: Actor, prefix: string) {
  const enterpriseId = enterpriseOf(actor);
  const row = await ctx.db.selectFrom('idPrefix').selectAll().where('prefix', '=', handleKey(prefix)).executeTakeFirst();
  if (!row || row.enterpriseId !== enterpriseId) throw new AppError(404, 'identifiers.prefixNotFound');
  return row;
}

/** The node's staff (every prefix), a district officer (its district's) or an enterprise (its own), checked before the query is validated. */
export const prefixReaderFirst = {
  preValidation: async (request: FastifyRequest) => {
    prefixScope(requireActor(request)); // throws for anyone else
  },
};

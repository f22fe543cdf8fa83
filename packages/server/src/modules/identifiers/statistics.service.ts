import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { enterprisesIn, type PrefixScope } from './access.ts';
import { identifierNode } from './node.ts';
import { countUnderPrefix } from './repo.ts';

// The node's statistics, computed once here for every place that shows them: the prefix list, the statistics page,
// the node's totals and the report for the national top-level node. Two measures, never mixed: identifiers stored
// now (counted under each prefix) and operations counted per day (registrations and resolutions, flushed from the
// in-memory buffer first). The two differ for good reasons — deletions, re-registrations, and history counted before
// the identifiers came to this node (the demo's 40.96 M operations over 265 enterprises stand for such history).

export interface Period {
  from?: string;
  to?: string;
}

/** Identifiers stored under each prefix given (each a range count on the primary key). */
export async function identifierCounts(db: Executor, prefixes: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const prefix of new Set(prefixes)) counts.set(prefix, await countUnderPrefix(db, prefix));
  return counts;
}

export async function nodeStatistics(ctx: AppContext, scope: PrefixScope, { from, to }: Period = {}) {
  await identifierNode(ctx).flushStats();
  let counted = ctx.db.selectFrom('idStatDaily as s');
  if (!scope.all) counted = counted.where('s.enterpriseId', 'in', enterprisesIn(ctx.db, scope));
  if (from) counted = counted.where('s.day', '>=', from);
  if (to) counted = counted.where('s.day', '<=', to);
  const [days, perEnterprise, prefixRows] = await Promise.all([
    counted
      .select((eb) => [
        's.day',
        eb.fn.sum<number>('s.registrations').as('registrations'),
        eb.fn.sum<number>('s.resolutions').as('resolutions'),
      ])
      .groupBy('s.day')
      .orderBy('s.day')
      .execute(),
    counted
      .innerJoin('enterprise as e', 'e.id', 's.enterpriseId')
      .select((eb) => [
        's.enterpriseId',
        'e.name as enterpriseName',
        'e.creditCode',
        eb.fn.sum<number>('s.registrations').as('registrations'),
        eb.fn.sum<number>('s.resolutions').as('resolutions'),
      ])
      .groupBy(['s.enterpriseId', 'e.name', 'e.creditCode'])
      .execute(),
    (scope.all ? ctx.db.selectFrom('idPrefix') : ctx.db.selectFrom('idPrefix').where('enterpriseId', 'in', enterprisesIn(ctx.db, scope)))
      .innerJoin('enterprise as e', 'e.id', 'idPrefix.enterpriseId')
      .select(['idPrefix.prefix', 'idPrefix.enterpriseId', 'idPrefix.status', 'e.name as enterpriseName', 'e.creditCode'])
      .where('idPrefix.status', 'in', ['active', 'suspended', 'revoked'])
      .orderBy('idPrefix.serial')
      .execute(),
  ]);
  const stored = await identifierCounts(
    ctx.db,
    prefixRows.map((p) => p.prefix),
  );
  const byPrefix = prefixRows.map((p) => ({ prefix: p.prefix, enterpriseId: p.enterpriseId, identifiers: stored.get(p.prefix) ?? 0 }));
  // one row per enterprise that has a prefix or counted operations: its first prefix, all its identifiers
  const rows = new Map<
    number,
    {
      enterpriseId: number;
      enterpriseName: string;
      creditCode: string;
      prefix: string | null;
      identifiers: number;
      registrations: number;
      resolutions: number;
    }
  >();
  for (const p of prefixRows) {
    const row = rows.get(p.enterpriseId) ?? {
      enterpriseId: p.enterpriseId,
      enterpriseName: p.enterpriseName,
      creditCode: p.creditCode,
      prefix: p.prefix,
      identifiers: 0,
      registrations: 0,
      resolutions: 0,
    };
    row.identifiers += stored.get(p.prefix) ?? 0;
    rows.set(p.enterpriseId, row);
  }
  for (const e of perEnterprise) {
    const row = rows.get(e.enterpriseId) ?? { ...e, prefix: null, identifiers: 0, registrations: 0, resolutions: 0 };
    row.registrations = Number(e.registrations);
    row.resolutions = Number(e.resolutions);
    rows.set(e.enterpriseId, row);
  }
  const byEnterprise = [...rows.values()]
    .filter((r) => r.identifiers || r.registrations || r.resolutions)
    .sort((a, b) => b.resolutions - a.resolutions || b.identifiers - a.identifiers);
  const totals = {
    registrations: byEnterprise.reduce((n, r) => n + r.registrations, 0),
    resolutions: byEnterprise.reduce((n, r) => n + r.resolutions, 0),
    identifiers: byPrefix.reduce((n, p) => n + p.identifiers, 0),
  };
  return {
    days: days.map((d) => ({ day: d.day, registrations: Number(d.registrations), resolutions: Number(d.resolutions) })),
    byEnterprise,
    byPrefix,
    totals,
  };
}

import type { Actor } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';

/** Real counts for the home page: totals by district, chain, size class and type, within the actor's scope. */
export async function registryStats(db: Executor, actor: Actor) {
  const scoped = () => {
    let q = db.selectFrom('enterprise').where('archived', '=', 0);
    if (actor.role === 'district_officer' && actor.districtCode) q = q.where('districtCode', '=', actor.districtCode);
    return q;
  };
  const [total, byDistrict, bySize, byType, byChain] = await Promise.all([
    scoped()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    scoped()
      .select(['districtCode', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('districtCode')
      .execute(),
    scoped()
      .select(['sizeClass', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('sizeClass')
      .execute(),
    scoped()
      .select(['manufacturingType', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('manufacturingType')
      .execute(),
    db
      .selectFrom('enterpriseChain as ec')
      .innerJoin('enterprise as e', 'e.id', 'ec.enterpriseId')
      .where('e.archived', '=', 0)
      .$if(actor.role === 'district_officer' && !!actor.districtCode, (q) => q.where('e.districtCode', '=', actor.districtCode!))
      .select(['ec.chainCode', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('ec.chainCode')
      .execute(),
  ]);
  const toMap = <K extends string>(rows: ({ n: number } & Record<K, string>)[], key: K) =>
    Object.fromEntries(rows.map((r) => [r[key], Number(r.n)]));
  return {
    enterprises: Number(total.n),
    byDistrict: toMap(byDistrict, 'districtCode'),
    bySizeClass: toMap(bySize, 'sizeClass'),
    byManufacturingType: toMap(byType, 'manufacturingType'),
    byChain: toMap(byChain, 'chainCode'),
  };
}

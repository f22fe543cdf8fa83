import {
  RECOGNITION_BENCHMARKS,
  RECOGNITION_LEVELS,
  benchmarkCheck,
  kpiChanges,
  type Actor,
  type KpiSet,
  type RecognitionLevel,
} from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { listApplications } from './applications.service.ts';
import { loadVisibleEnterprise } from './enterprise.access.ts';
import { listRecognitions } from './recognitions.service.ts';

// The ladder (issue 4 parts 7–8): each enterprise's climb municipal → provincial → national; the bureau's
// whole ladder by chain and district (seed §一: 110 municipal / 39 provincial / 11 national); and the KPIs
// of recognised enterprises against the seed's benchmarks (seed §二.3) with the best cases.

export async function enterpriseLadder(db: Executor, actor: Actor, enterpriseId: number) {
  const enterprise = await loadVisibleEnterprise(db, actor, enterpriseId);
  const all = { page: 1, pageSize: 200 };
  const [recognitions, applications] = await Promise.all([
    listRecognitions(db, actor, { enterpriseId }, all),
    listApplications(db, actor, { enterpriseId }, all),
  ]);
  const recommended = await db
    .selectFrom('recognitionRecommendationItem as i')
    .innerJoin('recognitionRecommendation as m', 'm.id', 'i.recommendationId')
    .innerJoin('recognition as r', 'r.id', 'i.recognitionId')
    .select(['m.id as recommendationId', 'm.targetLevel', 'm.createdAt', 'i.recognitionId', 'i.rank', 'i.outcome', 'i.decidedOn'])
    .where('r.enterpriseId', '=', enterpriseId)
    .orderBy('m.createdAt')
    .execute();
  return {
    enterprise: { id: enterprise.id, name: enterprise.name, districtCode: enterprise.districtCode },
    steps: RECOGNITION_LEVELS.map((level) => ({ level, recognitions: recognitions.items.filter((r) => r.level === level) })),
    applications: applications.items,
    recommendations: recommended.map((r) => ({
      ...r,
      recommendationId: Number(r.recommendationId),
      recognitionId: Number(r.recognitionId),
      rank: Number(r.rank),
    })),
  };
}

export async function bureauLadder(db: Executor, actor: Actor, groupBy: 'chain' | 'district', kind?: string) {
  const districtCode = actor.role === 'district_officer' ? (actor.districtCode ?? '') : undefined;
  let base = db.selectFrom('recognition as r').innerJoin('enterprise as e', 'e.id', 'r.enterpriseId').where('r.status', '=', 'active');
  if (kind !== undefined) base = base.where('r.kind', '=', kind);
  if (districtCode !== undefined) base = base.where('e.districtCode', '=', districtCode);
  const counted =
    groupBy === 'chain'
      ? await base
          .innerJoin('enterpriseChain as c', 'c.enterpriseId', 'e.id')
          .select(['c.chainCode as code', 'r.level', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(['c.chainCode', 'r.level'])
          .execute()
      : await base
          .select(['e.districtCode as code', 'r.level', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(['e.districtCode', 'r.level'])
          .execute();
  const totals = await base
    .select(['r.level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.level')
    .execute();
  const names =
    groupBy === 'chain'
      ? await db.selectFrom('industryChain').select(['code', 'nameZh', 'nameEn']).orderBy('sortOrder').orderBy('code').execute()
      : (await db.selectFrom('district').select(['code', 'nameZh', 'nameEn']).orderBy('sortOrder').orderBy('code').execute()).filter(
          (d) => districtCode === undefined || d.code === districtCode,
        );
  const levels = (rows: { level: string; n: number }[]) =>
    Object.fromEntries(RECOGNITION_LEVELS.map((l) => [l, Number(rows.find((r) => r.level === l)?.n ?? 0)])) as Record<
      RecognitionLevel,
      number
    >;
  return {
    groupBy,
    totals: levels(totals),
    groups: names.map((n) => ({ code: n.code, name: { zh: n.nameZh, en: n.nameEn }, ...levels(counted.filter((c) => c.code === n.code)) })),
    // an enterprise in two chains counts in both chains' rows, once in the totals
    countsEnterprisesInEachChain: groupBy === 'chain',
  };
}

export async function kpiView(db: Executor, actor: Actor, filter: { level?: string; kind?: string }) {
  if (actor.role !== 'bureau_admin' && actor.role !== 'district_officer') throw new AppError(403, 'auth.forbidden');
  let q = db
    .selectFrom('recognition as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .select([
      'r.id',
      'r.recognitionNumber',
      'r.level',
      'r.kind',
      'r.year',
      'r.projectName',
      'r.kpisJson',
      'e.name as enterpriseName',
      'e.districtCode',
    ])
    .where('r.status', '=', 'active');
  if (actor.role === 'district_officer') q = q.where('e.districtCode', '=', actor.districtCode ?? '');
  if (filter.level !== undefined) q = q.where('r.level', '=', filter.level);
  if (filter.kind !== undefined) q = q.where('r.kind', '=', filter.kind);
  const rows = await q.orderBy('r.id').execute();
  const items = rows.map((r) => {
    const kpis = JSON.parse(r.kpisJson) as KpiSet;
    const b = benchmarkCheck(kpis);
    return {
      recognitionId: Number(r.id),
      recognitionNumber: r.recognitionNumber,
      enterpriseName: r.enterpriseName,
      districtCode: r.districtCode,
      projectName: r.projectName,
      level: r.level,
      kind: r.kind,
      year: Number(r.year),
      cncRate: b.cncRate.value,
      operatingCostChange: b.operatingCost.value,
      productivityChange: b.productivity.value,
      met: { cncRate: b.cncRate.met, operatingCost: b.operatingCost.met, productivity: b.productivity.met },
      changes: kpiChanges(kpis),
      kpis,
    };
  });
  const share = (pick: (i: (typeof items)[number]) => boolean | null) => {
    const known = items.filter((i) => pick(i) !== null);
    return { reported: known.length, met: known.filter((i) => pick(i) === true).length };
  };
  const mean = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? Math.round((v.reduce((s, x) => s + x, 0) / v.length) * 10_000) / 10_000 : null;
  };
  // the best cases: every benchmark met, the largest productivity gain first (seed §三.4: 标杆, 样板)
  const showcases = items
    .filter((i) => i.met.cncRate && i.met.operatingCost && i.met.productivity)
    .sort((a, b) => (b.productivityChange ?? 0) - (a.productivityChange ?? 0) || a.recognitionId - b.recognitionId)
    .slice(0, 5);
  return {
    benchmarks: RECOGNITION_BENCHMARKS,
    summary: {
      n: items.length,
      cncRate: { ...share((i) => i.met.cncRate), mean: mean(items.map((i) => i.cncRate)) },
      operatingCost: { ...share((i) => i.met.operatingCost), mean: mean(items.map((i) => i.operatingCostChange)) },
      productivity: { ...share((i) => i.met.productivity), mean: mean(items.map((i) => i.productivityChange)) },
    },
    items: items.map(({ kpis: _k, changes: _c, ...i }) => i),
    showcases,
  };
}

import {
  DEFAULT_NATIONAL_SNAPSHOT,
  MANUFACTURING_TYPE_LABELS,
  MANUFACTURING_TYPES,
  nationalSnapshot,
  NATIONAL_BINS,
  toNationalBins,
  type Actor,
  type Locale,
  type NationalBin,
} from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';

// The bureau's city-wide view (issue 3 part 7): the level distribution over each enterprise's latest
// submitted assessment, by chain, district or manufacturing type, next to the national c3mep figures;
// and the enterprises at level ≥ 2, eligible to apply for recognition. Reads the reached level stored on
// the assessment row at submit (0003), so the distribution is one indexed GROUP BY.

export const GROUP_BY = ['chain', 'district', 'manufacturingType'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
const LEVEL_COUNT = 6; // 0 (below level 1) … 5

export interface BureauFilter {
  modelVersion?: string;
  /** Calendar year (China time is close enough at a year's grain: the submit timestamp's UTC year). */
  year?: number;
  /** Set by scope: a district officer's own district. */
  districtCode?: string;
}

/** A district officer sees their own district; asking for another is refused rather than widened. */
export function scopeBureauFilter(actor: Actor, filter: BureauFilter): BureauFilter {
  if (actor.role !== 'district_officer') return filter;
  if (filter.districtCode && filter.districtCode !== actor.districtCode)
    throw new AppError(403, 'enterprise.outOfScope', {}, 'districtCode');
  return { ...filter, districtCode: actor.districtCode ?? '' };
}

/** The latest submitted assessment of every active enterprise, filtered: the base of both views. */
function latestAssessments(db: Executor, filter: BureauFilter) {
  let q = db
    .selectFrom('maturityAssessment as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .where('a.isLatest', '=', 1)
    .where('e.archived', '=', 0);
  if (filter.modelVersion !== undefined) q = q.where('a.modelVersion', '=', filter.modelVersion);
  if (filter.year !== undefined)
    q = q.where('a.submittedAt', '>=', `${filter.year}-01-01`).where('a.submittedAt', '<', `${filter.year + 1}-01-01`);
  if (filter.districtCode !== undefined) q = q.where('e.districtCode', '=', filter.districtCode);
  return q;
}

/** Counts per group and level, straight from the database. */
export async function distributionCounts(db: Executor, groupBy: GroupBy, filter: BureauFilter) {
  const base = latestAssessments(db, filter);
  const rows =
    groupBy === 'chain'
      ? await base
          .innerJoin('enterpriseChain as c', 'c.enterpriseId', 'e.id')
          .select(['c.chainCode as code', 'a.reachedLevel as level', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(['c.chainCode', 'a.reachedLevel'])
          .execute()
      : groupBy === 'district'
        ? await base
            .select(['e.districtCode as code', 'a.reachedLevel as level', (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy(['e.districtCode', 'a.reachedLevel'])
            .execute()
        : await base
            .select(['a.manufacturingType as code', 'a.reachedLevel as level', (eb) => eb.fn.countAll<number>().as('n')])
            .groupBy(['a.manufacturingType', 'a.reachedLevel'])
            .execute();
  const counted = rows.map((r) => ({ code: r.code, level: Number(r.level ?? 0), n: Number(r.n) }));
  // every enterprise has one district and one type, so the city is the sum of the groups; chains can
  // hold an enterprise twice (or not at all), so the city is counted on its own there
  if (groupBy !== 'chain') return { rows: counted, city: counted.map(({ level, n }) => ({ level, n })) };
  const city = await base
    .select(['a.reachedLevel as level', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('a.reachedLevel')
    .execute();
  return { rows: counted, city: city.map((r) => ({ level: Number(r.level ?? 0), n: Number(r.n) })) };
}

async function groupNames(
  db: Executor,
  groupBy: GroupBy,
  filter: BureauFilter,
): Promise<{ code: string; name: { zh: string; en: string } }[]> {
  if (groupBy === 'manufacturingType') return MANUFACTURING_TYPES.map((code) => ({ code, name: MANUFACTURING_TYPE_LABELS[code] }));
  if (groupBy === 'district') {
    let q = db.selectFrom('district').select(['code', 'nameZh', 'nameEn']).orderBy('sortOrder').orderBy('code');
    if (filter.districtCode !== undefined) q = q.where('code', '=', filter.districtCode);
    return (await q.execute()).map((d) => ({ code: d.code, name: { zh: d.nameZh, en: d.nameEn } }));
  }
  const chains = await db.selectFrom('industryChain').select(['code', 'nameZh', 'nameEn']).orderBy('sortOrder').orderBy('code').execute();
  return chains.map((c) => ({ code: c.code, name: { zh: c.nameZh, en: c.nameEn } }));
}

const emptyLevels = () => Array.from({ length: LEVEL_COUNT }, () => 0);
const shares = (bins: Record<NationalBin, number>, total: number) =>
  Object.fromEntries(NATIONAL_BINS.map((b) => [b, total ? bins[b] / total : null])) as Record<NationalBin, number | null>;

export async function levelDistribution(
  db: Executor,
  groupBy: GroupBy,
  filter: BureauFilter,
  locale: Locale,
  snapshotId = DEFAULT_NATIONAL_SNAPSHOT,
) {
  const snapshot = nationalSnapshot(snapshotId);
  if (!snapshot) throw new AppError(400, 'validation.enum', { allowed: snapshotId }, 'national');
  const [{ rows, city }, names] = await Promise.all([distributionCounts(db, groupBy, filter), groupNames(db, groupBy, filter)]);
  const byCode = new Map<string, number[]>();
  for (const r of rows) {
    const levels = byCode.get(r.code) ?? emptyLevels();
    levels[r.level] = (levels[r.level] ?? 0) + r.n;
    byCode.set(r.code, levels);
  }
  const known = new Set(names.map((n) => n.code));
  // codes with assessments but no name (a chain deleted since): listed under their code
  const all = [...names, ...[...byCode.keys()].filter((c) => !known.has(c)).map((code) => ({ code, name: { zh: code, en: code } }))];
  const groups = all.map(({ code, name }) => {
    const levels = byCode.get(code) ?? emptyLevels();
    const total = levels.reduce((a, b) => a + b, 0);
    const bins = toNationalBins(levels);
    return {
      code,
      name: locale === 'en' ? name.en : name.zh,
      total,
      levels,
      bins,
      shares: shares(bins, total),
      atLeastL2: total ? (total - levels[0]! - levels[1]!) / total : null,
    };
  });
  const cityLevels = emptyLevels();
  for (const r of city) cityLevels[r.level] = (cityLevels[r.level] ?? 0) + r.n;
  const total = cityLevels.reduce((a, b) => a + b, 0);
  const cityBins = toNationalBins(cityLevels);
  return {
    groupBy,
    filters: { modelVersion: filter.modelVersion ?? null, year: filter.year ?? null, districtCode: filter.districtCode ?? null },
    city: {
      total,
      levels: cityLevels,
      bins: cityBins,
      shares: shares(cityBins, total),
      atLeastL2: total ? (total - cityLevels[0]! - cityLevels[1]!) / total : null,
    },
    groups,
    national: {
      ...snapshot,
      label: locale === 'en' ? snapshot.label.en : snapshot.label.zh,
      note: snapshot.note ? (locale === 'en' ? snapshot.note.en : snapshot.note.zh) : null,
    },
    // an enterprise in two chains counts in both chains' rows, once in the city's
    countsEnterprisesInEachChain: groupBy === 'chain',
  };
}

export interface EligibleFilter extends BureauFilter {
  minLevel: number;
}

/** Enterprises whose latest submitted assessment reached `minLevel` or higher, best first. */
export function eligibleQuery(db: Executor, filter: EligibleFilter) {
  return latestAssessments(db, filter)
    .leftJoin('maturityExpertReview as r', (join) => join.onRef('r.assessmentId', '=', 'a.id').on('r.status', '=', 'submitted'))
    .where('a.reachedLevel', '>=', filter.minLevel);
}

export async function eligibleEnterprises(db: Executor, filter: EligibleFilter, page: { page: number; pageSize: number }) {
  const base = eligibleQuery(db, filter);
  const [items, total] = await Promise.all([
    eligiblePage(db, filter, page.pageSize, (page.page - 1) * page.pageSize),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n), ...page, minLevel: filter.minLevel };
}

export async function eligiblePage(db: Executor, filter: EligibleFilter, limit: number, offset: number) {
  const rows = await eligibleQuery(db, filter)
    .select([
      'a.id as assessmentId',
      'a.enterpriseId',
      'e.name as enterpriseName',
      'e.creditCode',
      'e.districtCode',
      'a.manufacturingType',
      'a.modelVersion',
      'a.reachedLevel as level',
      'a.totalScore as score',
      'a.submittedAt',
      'r.reachedLevel as verifiedLevel',
      'r.totalScore as verifiedScore',
    ])
    .orderBy('a.reachedLevel', 'desc')
    .orderBy('a.totalScore', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    ...r,
    level: Number(r.level),
    score: Number(r.score),
    verifiedLevel: r.verifiedLevel === null ? null : Number(r.verifiedLevel),
    verifiedScore: r.verifiedScore === null ? null : Number(r.verifiedScore),
  }));
}

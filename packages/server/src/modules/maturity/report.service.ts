import { BELOW_LEVEL_1, type Actor, type Bilingual, type Locale, type MaturityResult, type ModelVersion } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assessmentAdvice, loadVisibleAssessment } from './assessments.service.ts';
import { comparePeers, enterpriseHistory, type PeerGroupStats } from './peers.ts';
import type { AssessmentRow } from './repo.ts';
import { reportAccess, sharing, withSharing } from './sharing.ts';

// The report of a submitted self-diagnosis; who may read how much of it is decided in sharing.ts.

/** A submitted assessment the actor may see (404 otherwise), with its frozen result and model. */
async function loadSubmitted(db: Executor, actor: Actor, id: number) {
  const row = await loadVisibleAssessment(db, actor, id);
  if (row.status !== 'submitted' || !row.resultJson || !row.modelJson) throw new AppError(409, 'maturity.noReport');
  return { row, result: JSON.parse(row.resultJson) as MaturityResult, model: JSON.parse(row.modelJson) as ModelVersion };
}

const levelName = (model: ModelVersion, level: number): Bilingual => model.levels.find((l) => l.level === level)?.name ?? BELOW_LEVEL_1;

async function enterpriseFacts(db: Executor, row: AssessmentRow) {
  const [district, chains] = await Promise.all([
    db.selectFrom('district').select(['nameZh', 'nameEn']).where('code', '=', row.districtCode).executeTakeFirst(),
    db
      .selectFrom('enterpriseChain as c')
      .innerJoin('industryChain as i', 'i.code', 'c.chainCode')
      .select(['i.code', 'i.nameZh', 'i.nameEn'])
      .where('c.enterpriseId', '=', row.enterpriseId)
      .orderBy('i.sortOrder')
      .orderBy('i.code')
      .execute(),
  ]);
  return {
    district: {
      code: row.districtCode,
      name: district ? { zh: district.nameZh, en: district.nameEn } : { zh: row.districtCode, en: row.districtCode },
    },
    chains: chains.map((c) => ({ code: c.code, name: { zh: c.nameZh, en: c.nameEn } })),
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;

/** The report data: full for the enterprise and for the bureau once shared; level and score only otherwise. */
export async function buildReport(db: Executor, actor: Actor, id: number, locale: Locale) {
  const { row, result, model } = await loadSubmitted(db, actor, id);
  const share = await sharing(db, id);
  const access = reportAccess(actor, share.sharedAt);
  const facts = await enterpriseFacts(db, row);
  const summary = {
    id: row.id,
    access,
    shared: share.sharedAt !== null,
    sharedAt: share.sharedAt,
    enterprise: { id: row.enterpriseId, name: row.enterpriseName, district: facts.district, chains: facts.chains },
    manufacturingType: row.manufacturingType,
    model: {
      id: row.modelVersion,
      name: model.name,
      formulaId: result.formulaId,
      provisional: result.provisional,
      provisionalNote: model.provisionalNote ?? null,
    },
    submittedAt: row.submittedAt!,
    level: { level: result.reachedLevel, name: levelName(model, result.reachedLevel) },
    totalScore: result.totalScore,
  };
  if (access === 'summary') return { ...summary, levels: null, radar: null, advice: null, peers: null, history: null };

  const domainNames = new Map(model.domains.map((d) => [d.code, d.name] as const));
  // The radar shows the level being worked towards: n + 1, or level 5 once reached.
  const radarLevel = Math.min(result.reachedLevel + 1, 5);
  const radarScores = result.levels.find((l) => l.level === radarLevel)!;
  const [advice, peers, history] = await Promise.all([
    assessmentAdvice(db, actor, id, locale),
    comparePeers(db, {
      enterpriseId: row.enterpriseId,
      districtCode: row.districtCode,
      manufacturingType: row.manufacturingType,
      chainCodes: facts.chains.map((c) => c.code),
      totalScore: result.totalScore,
    }),
    enterpriseHistory(db, row.enterpriseId),
  ]);
  return {
    ...summary,
    levels: result.levels.map((l) => ({ level: l.level, name: levelName(model, l.level), score: l.score, passed: l.passed })),
    radar: {
      level: radarLevel,
      domains: radarScores.domains.map((d) => ({
        code: d.code,
        name: domainNames.get(d.code) ?? { zh: d.code, en: d.code },
        score: d.score,
        weight: d.weight,
      })),
    },
    advice,
    peers: peers.map((p) => ({ ...p, name: peerGroupName(p, facts) })),
    history: history.map((h) => ({ ...h, levelName: levelName(model, h.reachedLevel) })),
  };
}

const TYPE_NAMES: Record<string, Bilingual> = {
  discrete: { zh: '离散型制造', en: 'Discrete manufacturing' },
  process: { zh: '流程型制造', en: 'Process manufacturing' },
};

function peerGroupName(p: PeerGroupStats, facts: Awaited<ReturnType<typeof enterpriseFacts>>): Bilingual {
  if (p.kind === 'district') return facts.district.name;
  if (p.kind === 'chain') return facts.chains.find((c) => c.code === p.code)?.name ?? { zh: p.code, en: p.code };
  return TYPE_NAMES[p.code] ?? { zh: p.code, en: p.code };
}

/** The full report for an export: 403 while the bureau may only see the level and the score. */
export async function buildFullReport(db: Executor, actor: Actor, id: number, locale: Locale) {
  const report = await buildReport(db, actor, id, locale);
  if (report.access !== 'full') throw new AppError(403, 'maturity.reportNotShared');
  return report as typeof report & {
    levels: NonNullable<typeof report.levels>;
    radar: NonNullable<typeof report.radar>;
    advice: NonNullable<typeof report.advice>;
    peers: NonNullable<typeof report.peers>;
    history: NonNullable<typeof report.history>;
  };
}

/**
 * The enterprise shares the full report of a submitted assessment with the bureau (its own users only;
 * audited). Sharing again changes nothing; withdrawing puts the bureau back to level and score.
 */
export async function setSharing(ctx: AppContext, actor: Actor, who: AuditActor, id: number, shared: boolean) {
  const row = await loadVisibleAssessment(ctx.db, actor, id);
  if (row.status !== 'submitted') throw new AppError(409, 'maturity.shareNotSubmitted');
  const before = await sharing(ctx.db, id);
  if ((before.sharedAt !== null) !== shared) {
    const at = new Date().toISOString();
    const after = shared ? { sharedAt: at, sharedBy: actor.userId } : { sharedAt: null, sharedBy: null };
    await ctx.db.transaction().execute(async (tx) => {
      await withSharing(tx).updateTable('maturityAssessment').set(after).where('id', '=', id).execute();
      await ctx.audit.append(tx, who, {
        action: shared ? 'maturity.report.share' : 'maturity.report.unshare',
        entityType: 'maturityAssessment',
        entityId: id,
        before,
        after,
      });
    });
  }
  const now = await sharing(ctx.db, id);
  return { id, shared: now.sharedAt !== null, sharedAt: now.sharedAt };
}

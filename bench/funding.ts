import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { seedDemoData } from '../packages/server/src/demo/seed.ts';
import { moveAward } from '../packages/server/src/modules/funding/awards.service.ts';
import { cumulative, breakdownRows, recordsBehind, yearRows } from '../packages/server/src/modules/funding/reports.service.ts';
import { createTestDatabase } from '../packages/server/test/databases.ts';
import { measureInterleaved, type Summary } from './measure.ts';
import { postgresAvailable, type Kind } from './targets.ts';

// npm run bench -- --only funding [--db sqlite|postgres|all]
// On the demo city (653 projects, 2019–2024): the report queries in process (the routes' server work),
// then a burst of concurrent approvals against one envelope — how long the serialised budget check takes
// under contention, and that the envelope is never overspent (the ledger rule).

const BURST = 120;
const AWARD_FEN = 10_000_000; // ¥100,000 each; the 2024 demo envelope has ¥7.5 M room → 75 fit

export interface FundingBenchResult {
  kind: Kind;
  seedMs: number;
  reports: Record<'years' | 'byChain' | 'byDistrict' | 'cumulative' | 'records', Summary>;
  burst: {
    approvals: number;
    won: number;
    refused: number;
    wallMs: number;
    perApprovalMs: number;
    availableAfterFen: number;
    overspent: boolean;
  };
}

async function benchKind(kind: Kind, log: (line: string) => void): Promise<FundingBenchResult> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({
    ZHIZAO_DATA_DIR: database.dataDir,
    ZHIZAO_SQLITE_PATH: database.sqlitePath,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    LOG_LEVEL: 'silent',
    ZHIZAO_WEB_DIST: '',
    ZHIZAO_DEMO: '0',
  });
  const { app, ctx } = await buildApp(config);
  try {
    const started = performance.now();
    await seedDemoData(ctx);
    const seedMs = performance.now() - started;
    log(`${kind}: demo city seeded in ${seedMs.toFixed(0)} ms`);
    const bureau = await ctx.db
      .selectFrom('appUser')
      .select(['id', 'username', 'role'])
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const actor = { userId: bureau.id, username: bureau.username, role: 'bureau_admin' as const, districtCode: null, enterpriseId: null };
    const reports = await measureInterleaved(
      {
        years: () => yearRows(ctx.db, actor, { from: 2019, to: 2024 }),
        byChain: () => breakdownRows(ctx.db, actor, 'chain', { year: 2023 }),
        byDistrict: () => breakdownRows(ctx.db, actor, 'district', {}),
        cumulative: () => cumulative(ctx.db, actor, { since: 2019 }),
        records: () => recordsBehind(ctx.db, actor, 'awards', { year: 2023 }, { page: 1, pageSize: 50 }),
      },
      { warmup: 2, warmupMs: 1000, minRounds: 10, maxRounds: 50, budgetMs: 3000, capMs: 10_000, floorRounds: 3 },
    );

    // The burst: awards in notice, straight into the table (the workflow up to here is tested elsewhere).
    const { id: policyId } = await ctx.db.selectFrom('fundingPolicy').select('id').where('status', '=', 'active').executeTakeFirstOrThrow();
    const projects = await ctx.db
      .selectFrom('fundingProject')
      .select(['id', 'enterpriseId'])
      .where('year', '=', 2024)
      .orderBy('id')
      .limit(BURST)
      .execute();
    const at = new Date().toISOString();
    const awards = await ctx.db
      .insertInto('fundingAward')
      .values(
        projects.map((p) => ({
          projectId: p.id,
          enterpriseId: p.enterpriseId,
          year: 2024,
          policyId,
          status: 'in_notice',
          amountFen: AWARD_FEN,
          calculationJson: '{"eligible":true,"amountFen":0,"lines":[]}',
          createdAt: at,
          updatedAt: at,
        })),
      )
      .returning('id')
      .execute();
    const who = { userId: actor.userId, username: actor.username, role: actor.role, ip: null };
    const t0 = performance.now();
    const outcomes = await Promise.allSettled(awards.map((a) => moveAward(ctx, actor, who, a.id, { action: 'approve' }, 'zh-CN')));
    const wallMs = performance.now() - t0;
    const won = outcomes.filter((o) => o.status === 'fulfilled').length;
    const envelope = await ctx.db
      .selectFrom('fundingEnvelope as e')
      .innerJoin('fundingFund as f', 'f.id', 'e.fundId')
      .select(['e.id', 'e.amountFen'])
      .where('f.year', '=', 2024)
      .where('e.kind', '=', 'smart_digital')
      .executeTakeFirstOrThrow();
    const allocated = await ctx.db
      .selectFrom('fundingLedgerEntry')
      .select((eb) => eb.fn.sum<number>('amountFen').as('s'))
      .where('envelopeId', '=', envelope.id)
      .where('kind', '=', 'allocation')
      .executeTakeFirstOrThrow();
    const clawed = await ctx.db
      .selectFrom('fundingLedgerEntry')
      .select((eb) => eb.fn.sum<number>('amountFen').as('s'))
      .where('envelopeId', '=', envelope.id)
      .where('kind', '=', 'clawback')
      .executeTakeFirstOrThrow();
    const availableAfterFen = Number(envelope.amountFen) - Number(allocated.s ?? 0) + Number(clawed.s ?? 0);
    const burst = {
      approvals: awards.length,
      won,
      refused: awards.length - won,
      wallMs,
      perApprovalMs: wallMs / awards.length,
      availableAfterFen,
      overspent: availableAfterFen < 0,
    };
    log(
      `${kind}: ${burst.approvals} approvals at once → ${won} approved, ${burst.refused} refused (409), ${wallMs.toFixed(0)} ms, envelope left ¥${(availableAfterFen / 100).toFixed(2)}`,
    );
    for (const [name, s] of Object.entries(reports))
      log(`${kind}: report ${name} median ${s.median.toFixed(1)} ms (p95 ${s.p95.toFixed(1)})`);
    return { kind, seedMs, reports, burst };
  } finally {
    await app.close();
    await database.drop();
  }
}

export async function runFundingBench(log: (line: string) => void, db: string): Promise<{ results: FundingBenchResult[]; ok: boolean }> {
  const kinds: Kind[] = db === 'all' ? ['sqlite', ...((await postgresAvailable()) ? (['postgres'] as const) : [])] : [db as Kind];
  const results: FundingBenchResult[] = [];
  for (const kind of kinds) results.push(await benchKind(kind, log));
  return { results, ok: results.every((r) => !r.burst.overspent && r.burst.won === 75) };
}

import { enterpriseProblems, WEIHAI_DISTRICTS, type EnterpriseInput, type TaxonomyCodes } from '@zhizao/domain';
import { assertPasswordPolicy } from '../modules/accounts/auth.service.ts';
import type { AuditActor } from '../platform/audit.ts';
import type { AppContext } from '../platform/context.ts';
import { hashPassword } from '../platform/crypto.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.ts';
import { insertEnterprises } from '../modules/registry/enterprise.repo.ts';
import { generateDemoEnterprises } from './enterprises.ts';
import { seedDemoFunding } from './funding.ts';
import { seedDemoIdentifiers } from './identifiers.ts';
import { seedDemoAssessments } from './maturity.ts';
import { seedDemoRecognition } from './recognition.ts';
import { REGISTER_MODULES, seedRegisters } from '../modules/registers/index.ts';
import { DEMO_CHAINS, DEMO_CLUSTERS, DEMO_TAXONOMY_NOTE } from './taxonomy.ts';

const SEED_ACTOR: AuditActor = { userId: null, username: 'demo-seed', role: null, ip: null };

export interface DemoSeedSummary {
  chains: number;
  clusters: number;
  enterprises: number;
  byDistrict: Record<string, number>;
  aboveDesignated: number;
  chainLinks: number;
  accounts: string[];
  note: string;
  /** Submitted maturity self-assessments of demo firms (demo/maturity.ts). */
  maturityAssessments: number;
  /** Counts from each later module's demo seeder (demo/recognition.ts, funding.ts, identifiers.ts). */
  recognition: Record<string, number>;
  funding: Record<string, number>;
  identifiers: Record<string, number>;
  /** Rows per register (modules/registers). */
  registers: Record<string, number>;
}

/**
 * Creates the demo city — taxonomy, ~1,300 fictional enterprises, one account per role — in one
 * transaction with one audit entry. Does nothing (returns null) once the database has any account or
 * demo enterprise, so a restart or a real install is never touched.
 */
export async function seedDemoData(ctx: AppContext): Promise<(DemoSeedSummary & { ms: number }) | null> {
  const [user, demoEnterprise] = await Promise.all([
    ctx.db.selectFrom('appUser').select('id').limit(1).executeTakeFirst(),
    ctx.db.selectFrom('enterprise').select('id').where('isDemo', '=', 1).limit(1).executeTakeFirst(),
  ]);
  if (user || demoEnterprise) return null;
  const started = performance.now();

  const enterprises = generateDemoEnterprises();
  assertValid(enterprises);
  for (const account of DEMO_ACCOUNTS) assertPasswordPolicy(DEMO_PASSWORD, account.username, ctx.settings.securitySettings);
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  const at = new Date().toISOString();

  const summary = await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('industryChain')
      .values(DEMO_CHAINS.map((c, i) => ({ ...c, isDemo: 1, sortOrder: i + 1 })))
      .execute();
    await tx
      .insertInto('industryCluster')
      .values(DEMO_CLUSTERS.map((c, i) => ({ ...c, isDemo: 1, sortOrder: i + 1 })))
      .execute();
    const records = await insertEnterprises(tx, ctx.cipher, enterprises, { isDemo: true, at });
    const idByCreditCode = new Map(records.map((r) => [r.creditCode, r.id]));
    await tx
      .insertInto('appUser')
      .values(
        DEMO_ACCOUNTS.map((a, i) => ({
          username: a.username,
          displayName: a.displayName,
          passwordHash: passwordHashes[i]!,
          role: a.role,
          districtCode: a.districtCode ?? null,
          enterpriseId: a.enterpriseCreditCode ? idByCreditCode.get(a.enterpriseCreditCode)! : null,
          enabled: 1,
          failedLoginCount: 0,
          passwordChangedAt: at,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .execute();
    const maturity = await seedDemoAssessments(tx);
    const recognition = await seedDemoRecognition(tx, ctx.cipher, at);
    const funding = await seedDemoFunding(tx, at);
    const identifiers = await seedDemoIdentifiers(tx, ctx.cipher, at);
    const registers = await seedRegisters(tx, REGISTER_MODULES);
    const byDistrict: Record<string, number> = {};
    for (const e of enterprises) byDistrict[e.districtCode] = (byDistrict[e.districtCode] ?? 0) + 1;
    const result: DemoSeedSummary = {
      chains: DEMO_CHAINS.length,
      clusters: DEMO_CLUSTERS.length,
      enterprises: enterprises.length,
      byDistrict,
      aboveDesignated: enterprises.filter((e) => e.sizeClass === 'above_designated').length,
      chainLinks: records.reduce((n, r) => n + r.chainCodes.length, 0),
      accounts: DEMO_ACCOUNTS.map((a) => `${a.username} (${a.role})`),
      note: DEMO_TAXONOMY_NOTE,
      maturityAssessments: maturity.assessments,
      recognition,
      funding,
      identifiers,
      registers,
    };
    await ctx.audit.append(tx, SEED_ACTOR, { action: 'demo.seed', entityType: 'demo', after: result });
    return result;
  });
  return { ...summary, ms: Math.round(performance.now() - started) };
}

/** The generator's output must pass the same rules as an enterprise typed in: a bad edit of the demo tables fails here, not in a user's face. */
function assertValid(enterprises: EnterpriseInput[]): void {
  const taxonomy: TaxonomyCodes = {
    districtCodes: new Set(WEIHAI_DISTRICTS.map((d) => d.code)),
    chainCodes: new Set(DEMO_CHAINS.map((c) => c.code)),
    clusterCodes: new Set(DEMO_CLUSTERS.map((c) => c.code)),
  };
  for (const e of enterprises) {
    const problem = enterpriseProblems(e, taxonomy)[0];
    if (problem) throw new Error(`demo enterprise ${e.creditCode} is invalid: ${problem.field} ${problem.code}`);
  }
}

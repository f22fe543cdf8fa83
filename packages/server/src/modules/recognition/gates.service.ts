import { checkGates, chinaDate, formatMessage, type Locale, type MessageKey } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import { programmeGates, type ProgrammeRow } from './programmes.service.ts';

// The live gate check (issue 4 part 2): the facts come from the registry (size class), the maturity module
// (reached level of the enterprise's latest submitted assessment: maturity/bureau.service.ts reads the
// same row) and the enterprise's revoked recognitions (reapply ban); the verdicts from the domain.

export async function latestMaturityLevel(db: Executor, enterpriseId: number): Promise<number | null> {
  const row = await db
    .selectFrom('maturityAssessment')
    .select('reachedLevel')
    .where('enterpriseId', '=', enterpriseId)
    .where('isLatest', '=', 1)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return row?.reachedLevel === null || row?.reachedLevel === undefined ? null : Number(row.reachedLevel);
}

export async function runningBan(db: Executor, enterpriseId: number, today: string): Promise<string | null> {
  const row = await db
    .selectFrom('recognition')
    .select((eb) => eb.fn.max('banUntil').as('until'))
    .where('enterpriseId', '=', enterpriseId)
    .where('status', '=', 'revoked')
    .where('banUntil', '>=', today)
    .executeTakeFirst();
  return (row?.until as string | null | undefined) ?? null;
}

export async function gateReport(
  db: Executor,
  programme: ProgrammeRow,
  enterprise: { id: number; sizeClass: string },
  incidentFreeDeclared: boolean,
) {
  const today = chinaDate();
  const [maturityLevel, banUntil] = await Promise.all([latestMaturityLevel(db, enterprise.id), runningBan(db, enterprise.id, today)]);
  return checkGates(programmeGates(programme), {
    today,
    opensOn: programme.opensOn,
    closesOn: programme.closesOn,
    maturityLevel,
    sizeClass: enterprise.sizeClass,
    incidentFreeDeclared,
    banUntil,
  });
}

export type GateReport = Awaited<ReturnType<typeof gateReport>>;

/** The report with each gate's explanation in the caller's language. */
export function localiseGates(report: GateReport, locale: Locale) {
  return {
    eligible: report.eligible,
    gates: report.gates.map((g) => ({ ...g, message: formatMessage(g.key as MessageKey, locale, g.params) })),
  };
}

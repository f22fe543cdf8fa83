import {
  chinaDate,
  indicatorTableProblem,
  isIsoDate,
  noticePeriod,
  type CalendarOverrides,
  type Indicator,
  type KpiCode,
  type ProgrammeGates,
  type RecognitionKind,
  type RecognitionLevel,
} from '@zhizao/domain';
import type { Selectable } from 'kysely';
import { isUniqueViolation, type Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecognitionProgrammeTable } from './tables.ts';
import { requiredText } from './text.ts';

// Programmes (issue 4 part 1): one per year × kind × level, with its window, gates, the indicator table
// the experts score against and the KPIs an applicant must report. The bureau edits them.

export type ProgrammeRow = Selectable<RecognitionProgrammeTable>;

export interface ProgrammeInput {
  year: number;
  kind: RecognitionKind;
  level: RecognitionLevel;
  title: string;
  opensOn: string;
  closesOn: string;
  gates: ProgrammeGates;
  indicators: Indicator[];
  requiredKpis: KpiCode[];
  noticeWorkingDays: number;
  quota?: number | null;
}
/** A change; year, kind and level may be sent back as read, but never changed. */
export type ProgrammeChange = Partial<ProgrammeInput> & { version: number };

export const programmeGates = (row: ProgrammeRow): ProgrammeGates => ({
  minMaturityLevel: Number(row.minMaturityLevel),
  aboveDesignatedSize: Boolean(row.aboveDesignatedSize),
  noSeriousIncident: Boolean(row.noSeriousIncident),
});
export const programmeIndicators = (row: ProgrammeRow): Indicator[] => JSON.parse(row.indicatorsJson) as Indicator[];
export const programmeKpis = (row: ProgrammeRow): KpiCode[] => JSON.parse(row.requiredKpisJson) as KpiCode[];

export async function findProgramme(db: Executor, id: number): Promise<ProgrammeRow> {
  const row = await db.selectFrom('recognitionProgramme').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'recognition.programmeNotFound');
  return row;
}

export function presentProgramme(row: ProgrammeRow, counts: Record<string, number> = {}) {
  const today = chinaDate();
  return {
    id: Number(row.id),
    year: Number(row.year),
    kind: row.kind,
    level: row.level,
    title: row.title,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    isOpen: row.opensOn <= today && today <= row.closesOn,
    gates: programmeGates(row),
    indicators: programmeIndicators(row),
    requiredKpis: programmeKpis(row),
    noticeWorkingDays: Number(row.noticeWorkingDays),
    quota: row.quota === null ? null : Number(row.quota),
    version: Number(row.version),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    counts,
  };
}

async function stateCounts(db: Executor, programmeIds: number[]): Promise<Map<number, Record<string, number>>> {
  const out = new Map<number, Record<string, number>>();
  if (!programmeIds.length) return out;
  const rows = await db
    .selectFrom('recognitionApplication')
    .select(['programmeId', 'state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('programmeId', 'in', programmeIds)
    .groupBy(['programmeId', 'state'])
    .execute();
  for (const r of rows) {
    const counts = out.get(Number(r.programmeId)) ?? {};
    counts[r.state] = Number(r.n);
    out.set(Number(r.programmeId), counts);
  }
  return out;
}

export async function listProgrammes(db: Executor, filter: { year?: number; kind?: string; level?: string }) {
  let q = db.selectFrom('recognitionProgramme').selectAll();
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
  if (filter.level !== undefined) q = q.where('level', '=', filter.level);
  const rows = await q.orderBy('year', 'desc').orderBy('level').orderBy('kind').execute();
  const counts = await stateCounts(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => presentProgramme(r, counts.get(Number(r.id)) ?? {})) };
}

export async function programmeView(db: Executor, id: number) {
  const row = await findProgramme(db, id);
  return presentProgramme(row, (await stateCounts(db, [id])).get(id) ?? {});
}

function assertProgrammeValid(p: { opensOn: string; closesOn: string; indicators: Indicator[] }): void {
  if (p.closesOn < p.opensOn) throw new AppError(400, 'recognition.windowOrder', {}, 'closesOn');
  const problem = indicatorTableProblem(p.indicators);
  if (problem === 'empty') throw new AppError(400, 'recognition.indicatorsEmpty', {}, 'indicators');
  if (problem === 'duplicateCode') throw new AppError(400, 'recognition.indicatorsDuplicate', {}, 'indicators');
  if (problem === 'weightsSum') throw new AppError(400, 'recognition.weightsSum', {}, 'indicators');
}

const programmeValues = (p: Omit<ProgrammeInput, 'year' | 'kind' | 'level'>) => ({
  title: requiredText(p.title, 'title'),
  opensOn: p.opensOn,
  closesOn: p.closesOn,
  minMaturityLevel: p.gates.minMaturityLevel,
  aboveDesignatedSize: p.gates.aboveDesignatedSize ? 1 : 0,
  noSeriousIncident: p.gates.noSeriousIncident ? 1 : 0,
  indicatorsJson: JSON.stringify(p.indicators),
  requiredKpisJson: JSON.stringify(p.requiredKpis),
  noticeWorkingDays: p.noticeWorkingDays,
  quota: p.quota ?? null,
});

export async function insertProgramme(db: Executor, input: ProgrammeInput, at: string): Promise<number> {
  const { id } = await db
    .insertInto('recognitionProgramme')
    .values({ year: input.year, kind: input.kind, level: input.level, ...programmeValues(input), version: 1, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function createProgramme(ctx: AppContext, who: AuditActor, input: ProgrammeInput) {
  assertDate(input.opensOn, 'opensOn');
  assertDate(input.closesOn, 'closesOn');
  assertProgrammeValid(input);
  try {
    const id = await ctx.db.transaction().execute(async (tx) => {
      const created = await insertProgramme(tx, input, new Date().toISOString());
      await ctx.audit.append(tx, who, {
        action: 'recognition.programme.create',
        entityType: 'recognitionProgramme',
        entityId: created,
        after: input,
      });
      return created;
    });
    return programmeView(ctx.db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'recognition.programmeExists', { year: input.year }, 'year');
    throw error;
  }
}

export async function updateProgramme(ctx: AppContext, who: AuditActor, id: number, change: ProgrammeChange) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await findProgramme(tx, id);
    if (Number(row.version) !== change.version)
      throw new AppError(409, 'recognition.programmeVersionConflict', { version: Number(row.version) }, 'version');
    const current = presentProgramme(row);
    for (const field of ['year', 'kind', 'level'] as const) {
      if (change[field] !== undefined && change[field] !== current[field]) throw new AppError(400, 'recognition.programmeFixed', {}, field);
    }
    const next = {
      title: change.title ?? current.title,
      opensOn: change.opensOn ?? current.opensOn,
      closesOn: change.closesOn ?? current.closesOn,
      gates: change.gates ?? current.gates,
      indicators: change.indicators ?? current.indicators,
      requiredKpis: change.requiredKpis ?? (current.requiredKpis as KpiCode[]),
      noticeWorkingDays: change.noticeWorkingDays ?? current.noticeWorkingDays,
      quota: change.quota === undefined ? current.quota : change.quota,
    };
    if (change.opensOn) assertDate(change.opensOn, 'opensOn');
    if (change.closesOn) assertDate(change.closesOn, 'closesOn');
    assertProgrammeValid(next);
    await tx
      .updateTable('recognitionProgramme')
      .set({ ...programmeValues(next), version: Number(row.version) + 1, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.programme.update',
      entityType: 'recognitionProgramme',
      entityId: id,
      before: current,
      after: next,
    });
  });
  return programmeView(ctx.db, id);
}

/** A YYYY-MM-DD that names a real day of 2000–2100 (the platform's years), or 400 on the field. */
export function assertDate(value: string, field: string): void {
  if (!isIsoDate(value) || value < '2000-01-01' || value > '2100-12-31') throw new AppError(400, 'recognition.badDate', {}, field);
}

/** The notice's dates on the calendar; a calendar without working days ahead is the start date's problem. */
export function noticeDates(start: string, workingDays: number, calendar: CalendarOverrides): { startsOn: string; endsOn: string } {
  assertDate(start, 'startsOn');
  try {
    return noticePeriod(start, workingDays, calendar);
  } catch (error) {
    if (error instanceof RangeError) throw new AppError(400, 'recognition.badDate', {}, 'startsOn');
    throw error;
  }
}

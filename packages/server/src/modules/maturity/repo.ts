import type { Answer, AnswerValue, Level, ModelVersion, Requirement } from '@zhizao/domain';
import type { Executor, Tx } from '../../db/database.ts';
import type { MaturityAssessmentTable, MaturityRequirementTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';

// One place per query of the maturity module, named after what it answers.

export interface ModelRecord {
  id: string;
  status: string;
  basedOn: string | null;
  definition: ModelVersion;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
}

/** A question-bank item as stored: the domain's Requirement plus what the bureau edits around it. */
export interface RequirementRecord extends Requirement {
  sortOrder: number;
  active: boolean;
}

export async function findModel(db: Executor, id: string): Promise<ModelRecord | null> {
  const row = await db.selectFrom('maturityModelVersion').selectAll().where('id', '=', id).executeTakeFirst();
  return row
    ? {
        id: row.id,
        status: row.status,
        basedOn: row.basedOn,
        definition: JSON.parse(row.definitionJson) as ModelVersion,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        createdBy: row.createdBy,
      }
    : null;
}

export async function listModels(db: Executor) {
  const counts = db
    .selectFrom('maturityRequirement')
    .select(['modelVersion', (eb) => eb.fn.countAll<number>().as('n')])
    .where('active', '=', 1)
    .groupBy('modelVersion')
    .as('c');
  const rows = await db
    .selectFrom('maturityModelVersion as m')
    .leftJoin(counts, 'c.modelVersion', 'm.id')
    .select(['m.id', 'm.nameZh', 'm.nameEn', 'm.status', 'm.basedOn', 'm.definitionJson', 'm.createdAt', 'm.updatedAt', 'c.n'])
    .orderBy('m.createdAt')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => {
    const definition = JSON.parse(r.definitionJson) as ModelVersion;
    return {
      id: r.id,
      name: { zh: r.nameZh, en: r.nameEn },
      status: r.status,
      basedOn: r.basedOn,
      provisional: definition.provisional,
      formulaId: definition.formulaId,
      requirementCount: Number(r.n ?? 0),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

export async function insertModel(tx: Executor, definition: ModelVersion, createdBy: number | null, at: string): Promise<void> {
  await tx
    .insertInto('maturityModelVersion')
    .values({
      id: definition.id,
      nameZh: definition.name.zh,
      nameEn: definition.name.en,
      definitionJson: JSON.stringify(definition),
      status: definition.status,
      basedOn: definition.basedOn ?? null,
      createdAt: at,
      updatedAt: at,
      createdBy,
    })
    .execute();
}

export async function updateModelDefinition(tx: Tx, definition: ModelVersion, at: string): Promise<void> {
  await tx
    .updateTable('maturityModelVersion')
    .set({ definitionJson: JSON.stringify(definition), updatedAt: at })
    .where('id', '=', definition.id)
    .execute();
}

function toRequirement(row: Selectable<MaturityRequirementTable>): RequirementRecord {
  return {
    id: row.id,
    modelVersion: row.modelVersion,
    subDomainCode: row.subDomainCode,
    level: row.level as Level,
    text: { zh: row.textZh, en: row.textEn },
    evidence: { zh: row.evidenceZh, en: row.evidenceEn },
    advice: { zh: row.adviceZh, en: row.adviceEn },
    sortOrder: row.sortOrder,
    active: row.active === 1,
  };
}

/** The bank of a model version in bank order, inactive items included. */
export async function listRequirements(db: Executor, modelVersion: string): Promise<RequirementRecord[]> {
  const rows = await db
    .selectFrom('maturityRequirement')
    .selectAll()
    .where('modelVersion', '=', modelVersion)
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
  return rows.map(toRequirement);
}

export async function findRequirement(db: Executor, modelVersion: string, id: string): Promise<RequirementRecord | null> {
  const row = await db
    .selectFrom('maturityRequirement')
    .selectAll()
    .where('modelVersion', '=', modelVersion)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRequirement(row) : null;
}

const requirementColumns = (modelVersion: string, r: Requirement & { sortOrder: number; active?: boolean }) => ({
  modelVersion,
  id: r.id,
  subDomainCode: r.subDomainCode,
  level: r.level,
  textZh: r.text.zh,
  textEn: r.text.en,
  evidenceZh: r.evidence.zh,
  evidenceEn: r.evidence.en,
  adviceZh: r.advice.zh,
  adviceEn: r.advice.en,
  sortOrder: r.sortOrder,
  active: r.active === false ? 0 : 1,
});

/** Stores bank items under `modelVersion`, in chunks under SQLite's bound-parameter limit. */
export async function insertRequirements(
  tx: Executor,
  modelVersion: string,
  items: readonly (Requirement & { sortOrder: number; active?: boolean })[],
): Promise<void> {
  const rows = items.map((r) => requirementColumns(modelVersion, r));
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('maturityRequirement')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function updateRequirement(tx: Tx, modelVersion: string, r: RequirementRecord): Promise<void> {
  const { modelVersion: _m, id: _i, ...columns } = requirementColumns(modelVersion, r);
  await tx.updateTable('maturityRequirement').set(columns).where('modelVersion', '=', modelVersion).where('id', '=', r.id).execute();
}

export async function nextSortOrder(db: Executor, modelVersion: string): Promise<number> {
  const row = await db
    .selectFrom('maturityRequirement')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('modelVersion', '=', modelVersion)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

// ── assessments ──────────────────────────────────────────────────────────────────────────────

export type AssessmentRow = Selectable<MaturityAssessmentTable> & { enterpriseName: string; districtCode: string };

const assessmentColumns = [
  'a.id',
  'a.enterpriseId',
  'a.modelVersion',
  'a.manufacturingType',
  'a.targetLevel',
  'a.status',
  'a.version',
  'a.createdBy',
  'a.createdAt',
  'a.updatedAt',
  'a.submittedAt',
  'a.resultJson',
  'a.modelJson',
  'a.formulaId',
  'a.reachedLevel',
  'a.totalScore',
  'a.isLatest',
  'e.name as enterpriseName',
  'e.districtCode',
] as const;

export async function insertAssessment(
  tx: Tx,
  values: { enterpriseId: number; modelVersion: string; manufacturingType: string; targetLevel: number; createdBy: number; at: string },
): Promise<number> {
  const row = await tx
    .insertInto('maturityAssessment')
    .values({
      enterpriseId: values.enterpriseId,
      modelVersion: values.modelVersion,
      manufacturingType: values.manufacturingType,
      targetLevel: values.targetLevel,
      status: 'draft',
      version: 1,
      createdBy: values.createdBy,
      createdAt: values.at,
      updatedAt: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAssessment(db: Executor, id: number): Promise<AssessmentRow | null> {
  const row = await db
    .selectFrom('maturityAssessment as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .select(assessmentColumns)
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export interface AssessmentFilter {
  enterpriseId?: number;
  districtCode?: string;
  status?: 'draft' | 'submitted';
  modelVersion?: string;
}

export async function listAssessments(db: Executor, filter: AssessmentFilter, page: { page: number; pageSize: number }) {
  let base = db.selectFrom('maturityAssessment as a').innerJoin('enterprise as e', 'e.id', 'a.enterpriseId');
  if (filter.enterpriseId !== undefined) base = base.where('a.enterpriseId', '=', filter.enterpriseId);
  if (filter.districtCode !== undefined) base = base.where('e.districtCode', '=', filter.districtCode);
  if (filter.status !== undefined) base = base.where('a.status', '=', filter.status);
  if (filter.modelVersion !== undefined) base = base.where('a.modelVersion', '=', filter.modelVersion);
  const [items, total] = await Promise.all([
    base
      .select(assessmentColumns)
      .orderBy('a.updatedAt', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Takes the next version of a draft when the stored one is `expected`; false on a stale version or a locked assessment. */
export async function bumpDraftVersion(tx: Tx, id: number, expected: number, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('maturityAssessment')
    .set({ version: expected + 1, updatedAt: at })
    .where('id', '=', id)
    .where('version', '=', expected)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function freezeAssessment(
  tx: Tx,
  id: number,
  values: { resultJson: string; modelJson: string; formulaId: string; at: string; reachedLevel?: number; totalScore?: number },
): Promise<void> {
  await tx
    .updateTable('maturityAssessment')
    .set({
      status: 'submitted',
      submittedAt: values.at,
      updatedAt: values.at,
      resultJson: values.resultJson,
      modelJson: values.modelJson,
      formulaId: values.formulaId,
      reachedLevel: values.reachedLevel ?? null,
      totalScore: values.totalScore ?? null,
    })
    .where('id', '=', id)
    .execute();
  // the bureau's distribution reads each enterprise's latest submitted assessment by this flag
  const row = await tx.selectFrom('maturityAssessment').select('enterpriseId').where('id', '=', id).executeTakeFirstOrThrow();
  await tx
    .updateTable('maturityAssessment')
    .set({ isLatest: 0 })
    .where('enterpriseId', '=', row.enterpriseId)
    .where('isLatest', '=', 1)
    .execute();
  await tx.updateTable('maturityAssessment').set({ isLatest: 1 }).where('id', '=', id).execute();
}

export interface StoredAnswer extends Answer {
  note: string | null;
  updatedAt: string;
}

export async function listAnswers(db: Executor, assessmentId: number): Promise<StoredAnswer[]> {
  const rows = await db
    .selectFrom('maturityAnswer')
    .selectAll()
    .where('assessmentId', '=', assessmentId)
    .orderBy('requirementId')
    .execute();
  return rows.map((r) => ({
    requirementId: r.requirementId,
    value: r.value as AnswerValue | null,
    ...(r.naReason !== null ? { naReason: r.naReason } : {}),
    note: r.note,
    updatedAt: r.updatedAt,
  }));
}

export async function upsertAnswers(
  tx: Tx,
  assessmentId: number,
  answers: readonly { requirementId: string; value: number | null; naReason?: string | null; note?: string | null }[],
  at: string,
): Promise<void> {
  const rows = answers.map((a) => ({
    assessmentId,
    requirementId: a.requirementId,
    value: a.value,
    naReason: a.value === null ? (a.naReason ?? null) : null,
    note: a.note ?? null,
    updatedAt: at,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('maturityAnswer')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['assessmentId', 'requirementId']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          naReason: eb.ref('excluded.naReason'),
          note: eb.ref('excluded.note'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}

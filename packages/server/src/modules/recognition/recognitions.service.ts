import {
  banUntil,
  chinaDate,
  ownsEnterprise,
  reevaluationDue,
  revokesOnReevaluation,
  type Actor,
  type ReevaluationOutcome,
  type RevocationCause,
} from '@zhizao/domain';
import type { Executor, Tx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { assertDate } from './programmes.service.ts';
import { requiredText } from './text.ts';

// Recognitions and after (issue 4 part 6): the list (scoped like applications; the public one without
// private data), re-evaluation every two years, revocation with its cause and the reapply ban.

export interface RecognitionFilter {
  level?: string;
  kind?: string;
  year?: number;
  status?: string;
  districtCode?: string;
  chainCode?: string;
  enterpriseId?: number;
  /** Active recognitions whose re-evaluation falls due on or before this date. */
  dueBy?: string;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('recognition as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('district as d', 'd.code', 'e.districtCode')
    .selectAll('r')
    .select(['e.name as enterpriseName', 'e.districtCode', 'd.nameZh as districtName']);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function filtered(db: Executor, f: RecognitionFilter) {
  let q = baseQuery(db);
  if (f.level !== undefined) q = q.where('r.level', '=', f.level);
  if (f.kind !== undefined) q = q.where('r.kind', '=', f.kind);
  if (f.year !== undefined) q = q.where('r.year', '=', f.year);
  if (f.status !== undefined) q = q.where('r.status', '=', f.status);
  if (f.districtCode !== undefined) q = q.where('e.districtCode', '=', f.districtCode);
  if (f.enterpriseId !== undefined) q = q.where('r.enterpriseId', '=', f.enterpriseId);
  if (f.dueBy !== undefined) q = q.where('r.status', '=', 'active').where('r.reevaluationDue', '<=', f.dueBy);
  if (f.chainCode !== undefined) {
    const chain = f.chainCode;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enterpriseChain as c')
          .select('c.enterpriseId')
          .whereRef('c.enterpriseId', '=', 'r.enterpriseId')
          .where('c.chainCode', '=', chain),
      ),
    );
  }
  return q;
}

async function reevaluations(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .selectFrom('recognitionReevaluation')
    .select(['recognitionId', 'evaluatedOn', 'outcome', 'note'])
    .where('recognitionId', 'in', ids)
    .orderBy('evaluatedOn')
    .orderBy('id')
    .execute();
}

function present(r: Row, evaluations: Awaited<ReturnType<typeof reevaluations>>) {
  return {
    id: Number(r.id),
    recognitionNumber: r.recognitionNumber,
    enterpriseId: Number(r.enterpriseId),
    enterpriseName: r.enterpriseName,
    districtCode: r.districtCode,
    districtName: r.districtName,
    kind: r.kind,
    level: r.level,
    year: Number(r.year),
    projectName: r.projectName,
    recognisedOn: r.recognisedOn,
    status: r.status,
    source: r.source,
    applicationId: r.applicationId === null ? null : Number(r.applicationId),
    reevaluationDue: r.reevaluationDue,
    reevaluations: evaluations.filter((e) => Number(e.recognitionId) === Number(r.id)).map(({ recognitionId: _r, ...e }) => e),
    revocation: r.status === 'revoked' ? { revokedOn: r.revokedOn, cause: r.revokeCause, note: r.revokeNote, banUntil: r.banUntil } : null,
  };
}
export type RecognitionView = ReturnType<typeof present>;

/** The filter within the caller's scope (own enterprise, own district, all). */
function scoped(actor: Actor, f: RecognitionFilter): RecognitionFilter {
  if (actor.role === 'enterprise_user')
    return { ...f, enterpriseId: f.enterpriseId === undefined || f.enterpriseId === actor.enterpriseId ? (actor.enterpriseId ?? -1) : -1 };
  if (actor.role === 'district_officer')
    return { ...f, districtCode: f.districtCode === undefined || f.districtCode === actor.districtCode ? (actor.districtCode ?? '') : '-' };
  return f;
}

export async function listRecognitions(db: Executor, actor: Actor, filter: RecognitionFilter, page: { page: number; pageSize: number }) {
  const q = filtered(db, scoped(actor, filter));
  const [rows, total] = await Promise.all([
    q
      .orderBy('r.year', 'desc')
      .orderBy('r.recognitionNumber')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const evaluations = await reevaluations(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => present(r, evaluations)), total: Number(total.n), ...page };
}

export async function findRecognition(db: Executor, id: number) {
  const row = await baseQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'recognition.recognitionNotFound');
  return present(row, await reevaluations(db, [id]));
}

export async function loadVisibleRecognition(db: Executor, actor: Actor, id: number) {
  const r = await findRecognition(db, id);
  if (!ownsEnterprise(actor, { id: r.enterpriseId, districtCode: r.districtCode }))
    throw new AppError(404, 'recognition.recognitionNotFound');
  return r;
}

/** The anonymous list: recognitions in force, the public facts of each, and the ladder's counts. */
export async function publicRecognised(db: Executor, f: { level?: string; kind?: string; year?: number; page: number; pageSize: number }) {
  const q = filtered(db, { level: f.level, kind: f.kind, year: f.year, status: 'active' });
  const [rows, total, counts] = await Promise.all([
    q
      .orderBy('r.year', 'desc')
      .orderBy('r.recognitionNumber')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('recognition')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'active')
      .groupBy('level')
      .execute(),
  ]);
  const count = (level: string) => Number(counts.find((c) => c.level === level)?.n ?? 0);
  return {
    items: rows.map((r) => ({
      recognitionNumber: r.recognitionNumber,
      enterpriseName: r.enterpriseName,
      projectName: r.projectName,
      kind: r.kind,
      level: r.level,
      year: Number(r.year),
      districtName: r.districtName,
      recognisedOn: r.recognisedOn,
    })),
    total: Number(total.n),
    page: f.page,
    pageSize: f.pageSize,
    counts: { municipal: count('municipal'), provincial: count('provincial'), national: count('national') },
  };
}

async function revokeIn(
  ctx: AppContext,
  tx: Tx,
  who: AuditActor,
  r: RecognitionView,
  input: { cause: RevocationCause; note: string; revokedOn: string; banUntil?: string },
) {
  const values = {
    status: 'revoked',
    revokedOn: input.revokedOn,
    revokeCause: input.cause,
    revokeNote: requiredText(input.note, 'note'),
    banUntil: input.banUntil ?? banUntil(input.cause, input.revokedOn),
  };
  await tx.updateTable('recognition').set(values).where('id', '=', r.id).execute();
  await ctx.audit.append(tx, who, {
    action: 'recognition.revoke',
    entityType: 'recognition',
    entityId: r.id,
    before: { status: r.status },
    after: values,
  });
}

export async function reevaluate(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: { outcome: ReevaluationOutcome; evaluatedOn?: string; note?: string },
) {
  const evaluatedOn = input.evaluatedOn ?? chinaDate();
  assertDate(evaluatedOn, 'evaluatedOn');
  await ctx.db.transaction().execute(async (tx) => {
    const r = await findRecognition(tx, id);
    if (r.status !== 'active') throw new AppError(409, 'recognition.revoked');
    const note = input.note?.trim() || null;
    await tx
      .insertInto('recognitionReevaluation')
      .values({
        recognitionId: id,
        evaluatedOn,
        outcome: input.outcome,
        note,
        recordedBy: actor.userId,
        recordedAt: new Date().toISOString(),
      })
      .execute();
    await tx
      .updateTable('recognition')
      .set({ reevaluationDue: reevaluationDue(evaluatedOn) })
      .where('id', '=', id)
      .execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.reevaluate',
      entityType: 'recognition',
      entityId: id,
      after: { evaluatedOn, outcome: input.outcome, note },
    });
    // a failed re-evaluation revokes (recognition-and-funding.md §3)
    if (revokesOnReevaluation(input.outcome))
      await revokeIn(ctx, tx, who, r, { cause: 'reevaluation_failed', note: note ?? input.outcome, revokedOn: evaluatedOn });
  });
  return findRecognition(ctx.db, id);
}

export async function revoke(
  ctx: AppContext,
  who: AuditActor,
  id: number,
  input: { cause: RevocationCause; note: string; revokedOn?: string; banUntil?: string },
) {
  const revokedOn = input.revokedOn ?? chinaDate();
  assertDate(revokedOn, 'revokedOn');
  if (input.banUntil !== undefined) assertDate(input.banUntil, 'banUntil');
  await ctx.db.transaction().execute(async (tx) => {
    const r = await findRecognition(tx, id);
    if (r.status !== 'active') throw new AppError(409, 'recognition.revoked');
    await revokeIn(ctx, tx, who, r, { ...input, revokedOn });
  });
  return findRecognition(ctx.db, id);
}

import { drawSample, MIN_SAMPLE_RATIO, type Actor } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { randomToken } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { insertMove } from './awards.repo.ts';

// The second-review draw (issue 5 part 4): among a year's applications that passed the preliminary review,
// a sample of at least 30 % goes to second review, the rest straight on. The seed is stored with the
// population and the selection, so anyone can re-run the draw (domain sample.ts) and get the same sample.

type DrawRow = NonNullable<Awaited<ReturnType<typeof findDraw>>>;

const findDraw = (db: Executor, id: number) => db.selectFrom('fundingSampleDraw').selectAll().where('id', '=', id).executeTakeFirst();

export function presentDraw(row: DrawRow) {
  const { populationJson, selectedJson, actorUserId: _a, ...rest } = row;
  return { ...rest, population: JSON.parse(populationJson) as number[], selected: JSON.parse(selectedJson) as number[] };
}

export async function listDraws(db: Executor, year: number | undefined) {
  let query = db.selectFrom('fundingSampleDraw').selectAll();
  if (year !== undefined) query = query.where('year', '=', year);
  return (await query.orderBy('id', 'desc').execute()).map(presentDraw);
}

export async function getDraw(db: Executor, id: number) {
  const row = await findDraw(db, id);
  if (!row) throw new AppError(404, 'request.notFound');
  return presentDraw(row);
}

export async function drawSecondReview(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  body: { year: number; ratio?: number; seed?: string },
) {
  const ratio = Math.max(body.ratio ?? MIN_SAMPLE_RATIO, MIN_SAMPLE_RATIO);
  const seed = body.seed ?? randomToken(12);
  const id = await ctx.db.transaction().execute(async (tx) => {
    let population = tx.selectFrom('fundingAward').select('id').where('year', '=', body.year).where('status', '=', 'preliminary_passed');
    if (ctx.dialect === 'postgres') population = population.forUpdate();
    const ids = (await population.execute()).map((r) => r.id);
    if (ids.length === 0) throw new AppError(409, 'funding.sampleEmpty', { year: body.year }, 'year');
    const selected = drawSample(ids, seed, ratio);
    const chosen = new Set(selected);
    const at = new Date().toISOString();
    const { id } = await tx
      .insertInto('fundingSampleDraw')
      .values({
        year: body.year,
        seed,
        ratio,
        populationJson: JSON.stringify([...ids].sort((a, b) => a - b)),
        selectedJson: JSON.stringify(selected),
        actorUserId: actor.userId,
        actorUsername: actor.username,
        at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mover = { userId: actor.userId, username: actor.username, role: actor.role };
    if (selected.length > 0)
      await tx
        .updateTable('fundingAward')
        .set((eb) => ({ status: 'second_review', sampled: 1, sampleDrawId: id, updatedAt: at, version: eb('version', '+', 1) }))
        .where('id', 'in', selected)
        .execute();
    const skipped = ids.filter((i) => !chosen.has(i));
    if (skipped.length > 0)
      await tx
        .updateTable('fundingAward')
        .set((eb) => ({ status: 'reviewed', sampled: 0, sampleDrawId: id, updatedAt: at, version: eb('version', '+', 1) }))
        .where('id', 'in', skipped)
        .execute();
    for (const awardId of ids) {
      const pick = chosen.has(awardId);
      await insertMove(tx, {
        awardId,
        action: pick ? 'sampleSelect' : 'sampleSkip',
        fromStatus: 'preliminary_passed',
        toStatus: pick ? 'second_review' : 'reviewed',
        note: `draw ${id}`,
        actor: mover,
        at,
      });
    }
    await ctx.audit.append(tx, who, {
      action: 'funding.sample.draw',
      entityType: 'fundingSampleDraw',
      entityId: id,
      after: { year: body.year, seed, ratio, population: ids, selected },
    });
    return id;
  });
  return getDraw(ctx.db, id);
}

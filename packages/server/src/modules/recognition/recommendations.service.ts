import { nextLevel, type Actor, type KpiSet, type RecognitionKind, type RecognitionLevel } from '@zhizao/domain';
import fs from 'node:fs/promises';
import path from 'node:path';
import { isUniqueViolation, type Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { sm3 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { grantRecognition } from './grant.ts';
import { assertDate } from './programmes.service.ts';
import { buildPack, type PackItem, type PackPayload } from './recommendation.pack.ts';
import { findRecognition } from './recognitions.service.ts';

// Upward recommendation (issue 4 part 7): the bureau picks recognitions one level below the target, in
// priority order; the pack is built from their data, stored as sent, and fixed by an SM3 snapshot: each
// file's SM3 in a manifest, and the SM3 of the manifest. The outcome, when it comes back, creates the
// recognition at the higher level.

export interface ManifestFile {
  name: string;
  kind: string;
  size: number;
  sm3: string;
}

/** The exact string the snapshot hashes: the pack's identity and its files in order. */
export const manifestContent = (m: { targetLevel: string; kind: string; year: number; files: ManifestFile[] }) =>
  JSON.stringify({ targetLevel: m.targetLevel, kind: m.kind, year: m.year, files: m.files });

const packDir = (ctx: AppContext, id: number | string) => path.join(ctx.config.dataDir, 'recognition', 'recommendations', String(id));

async function packItem(
  db: Executor,
  rank: number,
  recognitionId: number,
  targetLevel: RecognitionLevel,
  kind: RecognitionKind,
): Promise<PackItem> {
  const r = await findRecognition(db, recognitionId).catch(() => {
    throw new AppError(400, 'recognition.recognitionNotFound', {}, 'recognitionIds');
  });
  if (r.status !== 'active') throw new AppError(409, 'recognition.revoked', {}, 'recognitionIds');
  if (nextLevel(r.level as RecognitionLevel) !== targetLevel || r.kind !== kind)
    throw new AppError(400, 'recognition.recommendLevel', { id: recognitionId, level: targetLevel }, 'recognitionIds');
  const enterprise = await db.selectFrom('enterprise').select(['creditCode']).where('id', '=', r.enterpriseId).executeTakeFirstOrThrow();
  const chains = await db
    .selectFrom('enterpriseChain as c')
    .innerJoin('industryChain as i', 'i.code', 'c.chainCode')
    .select('i.nameZh')
    .where('c.enterpriseId', '=', r.enterpriseId)
    .orderBy('i.sortOrder')
    .execute();
  const recognition = await db
    .selectFrom('recognition')
    .select(['kpisJson', 'applicationId'])
    .where('id', '=', recognitionId)
    .executeTakeFirstOrThrow();
  const application =
    recognition.applicationId === null
      ? undefined
      : await db
          .selectFrom('recognitionApplication')
          .select(['projectDescription', 'serviceProviderName', 'finalScore'])
          .where('id', '=', Number(recognition.applicationId))
          .executeTakeFirst();
  return {
    rank,
    recognitionId,
    recognitionNumber: r.recognitionNumber,
    enterpriseName: r.enterpriseName,
    creditCode: enterprise.creditCode,
    districtName: r.districtName,
    chains: chains.map((c) => c.nameZh),
    projectName: r.projectName,
    projectDescription: application?.projectDescription ?? '',
    serviceProviderName: application?.serviceProviderName ?? '',
    recognisedOn: r.recognisedOn,
    score: application?.finalScore === null || application?.finalScore === undefined ? null : Number(application.finalScore),
    kpis: JSON.parse(recognition.kpisJson) as KpiSet,
  };
}

export async function createRecommendation(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  input: { targetLevel: RecognitionLevel; kind: RecognitionKind; year: number; recognitionIds: number[] },
) {
  const items: PackItem[] = [];
  for (const [i, id] of input.recognitionIds.entries()) items.push(await packItem(ctx.db, i + 1, id, input.targetLevel, input.kind));
  const createdAt = new Date().toISOString();
  const payload: PackPayload = { targetLevel: input.targetLevel, kind: input.kind, year: input.year, createdAt, items };
  const files = await buildPack(payload);
  const manifest: ManifestFile[] = files.map((f) => ({ name: f.name, kind: f.kind, size: f.data.length, sm3: sm3(f.data) }));
  const snapshotSm3 = sm3(manifestContent({ ...input, files: manifest }));
  // the files go to a temporary folder first, renamed to the new id once the row is in
  const temp = packDir(ctx, `tmp-${snapshotSm3.slice(0, 16)}-${Date.now()}`);
  await fs.mkdir(temp, { recursive: true });
  for (const f of files) await fs.writeFile(path.join(temp, f.name), f.data);
  try {
    const id = await ctx.db.transaction().execute(async (tx) => {
      const { id: created } = await tx
        .insertInto('recognitionRecommendation')
        .values({
          targetLevel: input.targetLevel,
          kind: input.kind,
          year: input.year,
          createdAt,
          createdBy: actor.userId,
          snapshotSm3,
          manifestJson: JSON.stringify(manifest),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rid = Number(created);
      await tx
        .insertInto('recognitionRecommendationItem')
        .values(
          items.map((it) => ({
            recommendationId: rid,
            recognitionId: it.recognitionId,
            rank: it.rank,
            outcome: 'pending',
            decidedOn: null,
            note: null,
            newRecognitionId: null,
          })),
        )
        .execute();
      await ctx.audit.append(tx, who, {
        action: 'recognition.recommend',
        entityType: 'recognitionRecommendation',
        entityId: rid,
        after: { ...input, snapshotSm3, files: manifest },
      });
      await fs.rm(packDir(ctx, rid), { recursive: true, force: true });
      await fs.rename(temp, packDir(ctx, rid));
      return rid;
    });
    return recommendationDetail(ctx.db, id);
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
}

async function findRecommendation(db: Executor, id: number) {
  const row = await db.selectFrom('recognitionRecommendation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'recognition.recommendationNotFound');
  return row;
}

async function itemsOf(db: Executor, ids: number[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('recognitionRecommendationItem as i')
    .innerJoin('recognition as r', 'r.id', 'i.recognitionId')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .select([
      'i.recommendationId',
      'i.rank',
      'i.recognitionId',
      'r.recognitionNumber',
      'r.enterpriseId',
      'e.name as enterpriseName',
      'r.projectName',
      'i.outcome',
      'i.decidedOn',
      'i.note',
      'i.newRecognitionId',
    ])
    .where('i.recommendationId', 'in', ids)
    .orderBy('i.rank')
    .execute();
  return rows.map((r) => ({
    ...r,
    recommendationId: Number(r.recommendationId),
    rank: Number(r.rank),
    recognitionId: Number(r.recognitionId),
    enterpriseId: Number(r.enterpriseId),
    newRecognitionId: r.newRecognitionId === null ? null : Number(r.newRecognitionId),
  }));
}

function present(row: Awaited<ReturnType<typeof findRecommendation>>, items: Awaited<ReturnType<typeof itemsOf>>) {
  return {
    id: Number(row.id),
    targetLevel: row.targetLevel,
    kind: row.kind,
    year: Number(row.year),
    createdAt: row.createdAt,
    snapshotSm3: row.snapshotSm3,
    files: JSON.parse(row.manifestJson) as ManifestFile[],
    items: items.filter((i) => i.recommendationId === Number(row.id)).map(({ recommendationId: _r, ...i }) => i),
  };
}

export async function recommendationDetail(db: Executor, id: number) {
  return present(await findRecommendation(db, id), await itemsOf(db, [id]));
}

export async function listRecommendations(db: Executor) {
  const rows = await db.selectFrom('recognitionRecommendation').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
  const items = await itemsOf(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => present(r, items)) };
}

/** A stored file of the pack, by its manifest name only (nothing else on disk is reachable). */
export async function openPackFile(ctx: AppContext, id: number, name: string) {
  const row = await findRecommendation(ctx.db, id);
  const file = (JSON.parse(row.manifestJson) as ManifestFile[]).find((f) => f.name === name);
  if (!file) throw new AppError(404, 'recognition.fileNotFound');
  const data = await fs.readFile(path.join(packDir(ctx, id), file.name)).catch(() => null);
  if (!data) throw new AppError(404, 'recognition.fileNotFound');
  return { file, data };
}

export async function recordOutcome(
  ctx: AppContext,
  who: AuditActor,
  id: number,
  recognitionId: number,
  input: { outcome: 'approved' | 'declined'; decidedOn: string; recognitionNumber?: string; note?: string },
) {
  assertDate(input.decidedOn, 'decidedOn');
  const recommendation = await findRecommendation(ctx.db, id);
  await ctx.db.transaction().execute(async (tx) => {
    const item = await tx
      .selectFrom('recognitionRecommendationItem')
      .selectAll()
      .where('recommendationId', '=', id)
      .where('recognitionId', '=', recognitionId)
      .executeTakeFirst();
    if (!item) throw new AppError(404, 'recognition.recommendationItemNotFound');
    if (item.outcome !== 'pending') throw new AppError(409, 'recognition.outcomeRecorded');
    let newRecognitionId: number | null = null;
    if (input.outcome === 'approved') {
      const source = await tx.selectFrom('recognition').selectAll().where('id', '=', recognitionId).executeTakeFirstOrThrow();
      const granted = await grantRecognition(tx, {
        enterpriseId: Number(source.enterpriseId),
        kind: recommendation.kind as RecognitionKind,
        level: recommendation.targetLevel as RecognitionLevel,
        year: Number(input.decidedOn.slice(0, 4)),
        projectName: source.projectName,
        recognisedOn: input.decidedOn,
        source: 'recommendation',
        recommendationId: id,
        kpisJson: source.kpisJson,
        recognitionNumber: input.recognitionNumber ?? null,
      }).catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError(409, 'recognition.numberTaken', { number: input.recognitionNumber ?? '' }, 'recognitionNumber');
        throw error;
      });
      newRecognitionId = granted.id;
      await ctx.audit.append(tx, who, {
        action: 'recognition.grant',
        entityType: 'recognition',
        entityId: granted.id,
        after: { ...granted, recommendationId: id, from: recognitionId },
      });
    }
    const after = { outcome: input.outcome, decidedOn: input.decidedOn, note: input.note?.trim() || null, newRecognitionId };
    await tx
      .updateTable('recognitionRecommendationItem')
      .set(after)
      .where('recommendationId', '=', id)
      .where('recognitionId', '=', recognitionId)
      .execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.recommendation.outcome',
      entityType: 'recognitionRecommendation',
      entityId: id,
      before: { recognitionId, outcome: 'pending' },
      after: { recognitionId, ...after },
    });
  });
  return recommendationDetail(ctx.db, id);
}

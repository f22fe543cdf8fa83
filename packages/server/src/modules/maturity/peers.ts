import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';

// Comparison with peers (issue 3 part 5): the latest submitted self-diagnosis of every other enterprise
// sharing a chain, the district, or the manufacturing type. A group of fewer than PEER_MIN_GROUP others
// shows its size only, so that no single peer's score can be worked out from the average.

export const PEER_MIN_GROUP = 5;

export type PeerGroupKind = 'chain' | 'district' | 'manufacturingType';

export interface PeerGroupStats {
  kind: PeerGroupKind;
  code: string;
  /** Other enterprises in the group with a submitted assessment. */
  size: number;
  /** True when size < PEER_MIN_GROUP: average and percentile are withheld. */
  hidden: boolean;
  average: number | null;
  /** Share of peers scoring below this enterprise, ties counted half (mid-rank), 0–100. */
  percentile: number | null;
}

/** A number read from the frozen result JSON, in either dialect. */
export function resultField(db: Executor, field: 'totalScore' | 'reachedLevel'): RawBuilder<number> {
  return dialectOf(db) === 'sqlite'
    ? sql<number>`json_extract(a.result_json, ${'$.' + field})`
    : sql<number>`cast((a.result_json::json ->> ${field}) as double precision)`;
}

/** Total scores of the latest submitted assessment of each other enterprise in one group. */
async function peerScores(db: Executor, enterpriseId: number, kind: PeerGroupKind, code: string): Promise<number[]> {
  let query = db
    .selectFrom('maturityAssessment as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .select(['a.enterpriseId', 'a.submittedAt', 'a.id', resultField(db, 'totalScore').as('totalScore')])
    .where('a.status', '=', 'submitted')
    .where('e.archived', '=', 0)
    .where('a.enterpriseId', '<>', enterpriseId);
  if (kind === 'district') query = query.where('e.districtCode', '=', code);
  else if (kind === 'manufacturingType') query = query.where('e.manufacturingType', '=', code);
  else query = query.where('a.enterpriseId', 'in', db.selectFrom('enterpriseChain').select('enterpriseId').where('chainCode', '=', code));
  const rows = await query.orderBy('a.enterpriseId').orderBy('a.submittedAt', 'desc').orderBy('a.id', 'desc').execute();
  const latest = new Map<number, number>();
  for (const r of rows) if (!latest.has(r.enterpriseId)) latest.set(r.enterpriseId, Number(r.totalScore));
  return [...latest.values()];
}

/** Average and mid-rank percentile of `score` among `peers`; withheld for a group under the minimum. */
export function peerStats(kind: PeerGroupKind, code: string, score: number, peers: readonly number[]): PeerGroupStats {
  const size = peers.length;
  if (size < PEER_MIN_GROUP) return { kind, code, size, hidden: true, average: null, percentile: null };
  const average = peers.reduce((s, x) => s + x, 0) / size;
  const eps = 1e-9;
  const below = peers.filter((x) => x < score - eps).length;
  const equal = peers.filter((x) => Math.abs(x - score) <= eps).length;
  return { kind, code, size, hidden: false, average, percentile: ((below + equal / 2) / size) * 100 };
}

export interface PeerSubject {
  enterpriseId: number;
  districtCode: string;
  manufacturingType: string;
  chainCodes: readonly string[];
  totalScore: number;
}

/** One group per chain of the enterprise, then its district, then its manufacturing type. */
export async function comparePeers(db: Executor, subject: PeerSubject): Promise<PeerGroupStats[]> {
  const groups: [PeerGroupKind, string][] = [
    ...subject.chainCodes.map((c) => ['chain', c] as [PeerGroupKind, string]),
    ['district', subject.districtCode],
    ['manufacturingType', subject.manufacturingType],
  ];
  return Promise.all(
    groups.map(async ([kind, code]) => peerStats(kind, code, subject.totalScore, await peerScores(db, subject.enterpriseId, kind, code))),
  );
}

/** The enterprise's submitted assessments, oldest first: when, which model, level and score. */
export async function enterpriseHistory(db: Executor, enterpriseId: number) {
  const rows = await db
    .selectFrom('maturityAssessment as a')
    .select([
      'a.id',
      'a.submittedAt',
      'a.modelVersion',
      resultField(db, 'reachedLevel').as('reachedLevel'),
      resultField(db, 'totalScore').as('totalScore'),
    ])
    .where('a.enterpriseId', '=', enterpriseId)
    .where('a.status', '=', 'submitted')
    .orderBy('a.submittedAt')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    submittedAt: r.submittedAt!,
    modelVersion: r.modelVersion,
    reachedLevel: Number(r.reachedLevel),
    totalScore: Number(r.totalScore),
  }));
}

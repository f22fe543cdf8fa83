import { addDays, KPI_CODES, KPI_DEFINITIONS, SHOWCASE_REGISTER, type EntryValues, type KpiCode, type KpiSet } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import { anyDb } from '../engine/repo.ts';

// The demo city's showcases. The seed's three cases (§二.3) are the firms the demo recognition ladder
// gave those projects to (demo/recognition.ts), with the seed's figures as KPI rows; a few more chains
// get a showcase from their highest recognition, two more niches a candidate, and the rest stay gaps, so
// the coverage view has something to show either way.

export const SEED_SOURCE = '威海市工信局对市政协十三届三次会议第52号提案的答复（2024年5月31日）';

interface SeedCase {
  project: string;
  chain: string;
  segment: string;
  problem: string;
  solution: string;
  kpis: { kind: KpiCode; name: string; unit: string; before: number; after: number; source: string }[];
}

/** The seed's words: 年产量由13亿支提高到17.4亿支; 一条线80人、90秒生产一片 → 8人、8秒; 年节约用水20万立方米以上、减少碳排放4000多吨. */
export const SEED_CASES: readonly SeedCase[] = [
  {
    project: '新型注射器智能工厂',
    chain: 'MEDICAL',
    segment: '一次性医用耗材',
    problem: '注射器装配、检测工序依赖人工，产能长期受限，难以满足订单增长。',
    solution: '建设注塑、组装、包装全流程自动化产线与制造执行系统，在线视觉检测替代人工抽检。',
    kpis: [{ kind: 'productivity', name: '注射器年产量', unit: '亿支/年', before: 13, after: 17.4, source: SEED_SOURCE }],
  },
  {
    project: '玻璃深加工智能生产线',
    chain: 'MATERIALS',
    segment: '玻璃深加工',
    problem: '玻璃深加工产线人员密集，一条线 80 人、90 秒生产一片，用工成本高、节拍慢。',
    solution: '上料、切割、磨边、钢化全线机器人与自动输送改造，生产数据实时采集与排产优化。',
    kpis: [
      { kind: 'labour', name: '单条产线用工人数', unit: '人', before: 80, after: 8, source: SEED_SOURCE },
      { kind: 'cycleTime', name: '每片玻璃生产用时', unit: '秒/片', before: 90, after: 8, source: SEED_SOURCE },
    ],
  },
  {
    project: '高性能商用车胎智能工厂',
    chain: 'TYRE',
    segment: '商用车轮胎',
    problem: '密炼、硫化工序能耗水耗高，节能减排压力大。',
    solution: '硫化工序智能温控与冷却水循环利用，能源管理系统对水、电、汽分项计量与优化。',
    kpis: [
      // the seed gives the savings; the bases before them are the demo ladder's figures (demo/recognition.ts)
      {
        kind: 'water',
        name: '年用水量',
        unit: '立方米/年',
        before: 1_200_000,
        after: 1_000_000,
        source: `${SEED_SOURCE}：节约量；基数为演示数据`,
      },
      {
        kind: 'co2',
        name: '年碳排放量',
        unit: '吨CO₂/年',
        before: 52_000,
        after: 47_900,
        source: `${SEED_SOURCE}：减少量；基数为演示数据`,
      },
    ],
  },
];

/** More showcases from the chains' highest recognitions: published ones, then candidates in niches still open. */
const MORE_CASES: readonly { chain: string; segment: string; status: 'published' | 'candidate' }[] = [
  { chain: 'VEHICLE', segment: '汽车零部件', status: 'published' },
  { chain: 'MACHINERY', segment: '精密零部件', status: 'published' },
  { chain: 'ELECTRONICS', segment: '电子元器件', status: 'published' },
  { chain: 'MARINE', segment: '船舶制造', status: 'candidate' },
  { chain: 'FOOD', segment: '海洋食品加工', status: 'candidate' },
  { chain: 'MEDICAL', segment: '医用敷料', status: 'candidate' },
];

interface Recognised {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  projectName: string;
  recognisedOn: string;
  kpisJson: string;
}

const LEVEL_ORDER = { national: 0, provincial: 1, municipal: 2 } as Record<string, number>;

async function recognitions(tx: Tx): Promise<(Recognised & { chainCode: string; level: string })[]> {
  const rows = await tx
    .selectFrom('recognition as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .innerJoin('enterpriseChain as c', 'c.enterpriseId', 'r.enterpriseId')
    .select([
      'r.id',
      'r.enterpriseId',
      'e.name as enterpriseName',
      'r.projectName',
      'r.recognisedOn',
      'r.kpisJson',
      'r.level',
      'c.chainCode',
    ])
    .where('r.source', '=', 'record')
    .where('e.isDemo', '=', 1)
    .orderBy('r.id')
    .execute();
  return rows
    .map((r) => ({ ...r, id: Number(r.id), enterpriseId: Number(r.enterpriseId) }))
    .sort((a, b) => (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) || a.id - b.id);
}

/** A case the bureau publishes a quarter after the recognition it rests on. */
const publishedOn = (recognisedOn: string) => addDays(recognisedOn, 90);

interface DemoCase {
  values: EntryValues;
  kpis: Omit<EntryValues, 'showcase'>[];
}

const kpiRow = (kind: KpiCode, name: string, unit: string, before: number, after: number, measuredOn: string, source: string) => ({
  kind,
  name,
  unit,
  beforeValue: before,
  afterValue: after,
  measuredBefore: addDays(measuredOn, -365),
  measuredAfter: measuredOn,
  source,
});

/** The recognition's KPIs as showcase KPI rows, in the ladder's units. */
function kpisOfRecognition(kpis: KpiSet, measuredOn: string, source: string) {
  return KPI_CODES.flatMap((code) => {
    const value = kpis[code];
    if (!value || value.before === null || value.after === null) return [];
    const { label, unit } = KPI_DEFINITIONS[code];
    return [kpiRow(code, label.zh, unit.zh, value.before, value.after, measuredOn, source)];
  });
}

export async function demoCases(tx: Tx): Promise<DemoCase[]> {
  const all = await recognitions(tx);
  const cases: DemoCase[] = [];
  const used = new Set<number>();
  for (const seed of SEED_CASES) {
    const r = all.find((x) => x.projectName === seed.project && x.chainCode === seed.chain);
    if (!r) throw new Error(`demo showcases: no recognition of the seed's ${seed.project} (demo/recognition.ts)`);
    used.add(r.enterpriseId);
    cases.push({
      values: {
        name: seed.project,
        enterpriseId: r.enterpriseId,
        chain: seed.chain,
        segment: seed.segment,
        status: 'published',
        publishedOn: publishedOn(r.recognisedOn),
        problem: seed.problem,
        solution: seed.solution,
      },
      kpis: seed.kpis.map((k) => kpiRow(k.kind, k.name, k.unit, k.before, k.after, r.recognisedOn, k.source)),
    });
  }
  for (const more of MORE_CASES) {
    const r = all.find((x) => x.chainCode === more.chain && !used.has(x.enterpriseId));
    if (!r) continue;
    used.add(r.enterpriseId);
    cases.push({
      values: {
        name: `${r.enterpriseName.replace(/有限公司$/, '')}${r.projectName}`,
        enterpriseId: r.enterpriseId,
        chain: more.chain,
        segment: more.segment,
        status: more.status,
        publishedOn: more.status === 'published' ? publishedOn(r.recognisedOn) : null,
        problem: '（演示）生产过程数据分散、设备联网率低，质量追溯与排产依赖人工。',
        solution: '（演示）设备联网与数据采集、制造执行系统与质量追溯平台，关键工序自动化改造。',
      },
      kpis: kpisOfRecognition(JSON.parse(r.kpisJson) as KpiSet, r.recognisedOn, '认定申报材料（演示数据）'),
    });
  }
  return cases;
}

/** The demo showcases' ids by case name, once they are stored. */
export async function demoShowcaseIds(tx: Tx): Promise<Map<string, number>> {
  const rows = (await anyDb(tx)
    .selectFrom(SHOWCASE_REGISTER.table)
    .select(['id', 'name'])
    .where('archived', '=', 0)
    .where('isDemo', '=', 1)
    .execute()) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.name, Number(r.id)]));
}

import { addDays, type EntryValues, type RecognitionLevel, type TitleKindCode } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import { DEMO_OWN_ENTERPRISE, DEMO_RANDOM_SEED } from '../../../demo/enterprises.ts';
import { seededRandom, type Random } from '../../../demo/random.ts';
import { chinaToday } from '../engine/service.ts';

// The demo city's titles, so the seed's figures (seed §一) come out of rows: 65 industrial-internet pilot
// and demonstration projects, 100 provincial Morning Star Factories, and the 28 smart-manufacturing
// demonstration projects beyond the ladder's 160 (figures.ts says which count comes from where). Beside
// them a few 5G factories, 专精特新 firms (three years' validity, some near their end), platforms and
// excellent scenarios, which the seed does not count. Fictional firms; document numbers marked 演示.

interface Batch {
  kind: TitleKindCode;
  level: RecognitionLevel;
  name: string;
  awardingBody: string;
  /** How many titles by year. */
  byYear: [number, number][];
  /** Years of validity, where the title has an end. */
  validYears?: number;
  /** Drawn from firms the ladder recognised (demonstration projects grow from its factories). */
  fromLadder?: boolean;
}

const MIIT = '工业和信息化部';
const SDGXT = '山东省工业和信息化厅';
const SCENARIOS = ['质量精准追溯', '设备故障诊断与预测', '智能仓储', '能耗数据监测', '柔性生产线', '供应链协同'];

const BATCHES: Batch[] = [
  // the 28 others of the 188 (seed §一): the old national pilot scheme and provincial benchmark firms
  {
    kind: 'sm_other_demonstration',
    level: 'national',
    name: '智能制造试点示范项目',
    awardingBody: MIIT,
    byYear: [
      [2017, 2],
      [2018, 2],
    ],
    fromLadder: true,
  },
  {
    kind: 'sm_other_demonstration',
    level: 'national',
    name: '智能制造新模式应用项目',
    awardingBody: MIIT,
    byYear: [[2018, 2]],
    fromLadder: true,
  },
  {
    kind: 'sm_other_demonstration',
    level: 'provincial',
    name: '山东省智能制造标杆企业',
    awardingBody: SDGXT,
    byYear: [
      [2019, 5],
      [2020, 6],
      [2021, 6],
      [2022, 5],
    ],
    fromLadder: true,
  },
  // the 65 industrial-internet pilot and demonstration projects (seed §一)
  {
    kind: 'ii_pilot',
    level: 'national',
    name: '工业互联网试点示范项目',
    awardingBody: MIIT,
    byYear: [
      [2020, 2],
      [2021, 2],
      [2022, 2],
      [2023, 2],
      [2024, 1],
    ],
  },
  {
    kind: 'ii_pilot',
    level: 'provincial',
    name: '山东省工业互联网试点示范项目',
    awardingBody: SDGXT,
    byYear: [
      [2020, 9],
      [2021, 11],
      [2022, 12],
      [2023, 12],
      [2024, 12],
    ],
  },
  // the 100 provincial Morning Star Factories (seed §一)
  {
    kind: 'morning_star',
    level: 'provincial',
    name: '山东省数字经济“晨星工厂”',
    awardingBody: SDGXT,
    byYear: [
      [2021, 22],
      [2022, 26],
      [2023, 27],
      [2024, 25],
    ],
  },
  {
    kind: 'five_g_factory',
    level: 'national',
    name: '5G工厂',
    awardingBody: MIIT,
    byYear: [
      [2023, 1],
      [2024, 2],
    ],
  },
  {
    kind: 'five_g_factory',
    level: 'provincial',
    name: '山东省5G全连接工厂',
    awardingBody: SDGXT,
    byYear: [
      [2023, 2],
      [2024, 3],
    ],
  },
  {
    kind: 'specialised',
    level: 'provincial',
    name: '山东省专精特新中小企业',
    awardingBody: SDGXT,
    byYear: [
      [2022, 10],
      [2023, 12],
      [2024, 14],
      [2025, 10],
    ],
    validYears: 3,
  },
  {
    kind: 'specialised',
    level: 'national',
    name: '专精特新“小巨人”企业',
    awardingBody: MIIT,
    byYear: [
      [2022, 2],
      [2023, 2],
      [2024, 2],
    ],
    validYears: 3,
  },
  {
    kind: 'platform',
    level: 'provincial',
    name: '山东省工业互联网平台',
    awardingBody: SDGXT,
    byYear: [
      [2022, 2],
      [2023, 2],
    ],
  },
  {
    kind: 'sm_excellent_scenario',
    level: 'provincial',
    name: '山东省智能制造优秀场景',
    awardingBody: SDGXT,
    byYear: [
      [2023, 3],
      [2024, 3],
    ],
    fromLadder: true,
  },
];

const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, '-02-28');
const day = (random: Random, year: number) =>
  `${year}-${String(random.int(3, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;

async function firms(tx: Tx) {
  const rows = await tx
    .selectFrom('enterprise')
    .select(['id', 'name'])
    .where('isDemo', '=', 1)
    .where('sizeClass', '=', 'above_designated')
    .where('archived', '=', 0)
    .orderBy('id')
    .execute();
  const recognised = new Set(
    (await tx.selectFrom('recognition').select('enterpriseId').distinct().execute()).map((r) => Number(r.enterpriseId)),
  );
  const own = rows.find((r) => r.name === DEMO_OWN_ENTERPRISE.name);
  const all = rows.map((r) => Number(r.id));
  return { all, recognised: all.filter((id) => recognised.has(id)), own: own ? Number(own.id) : null };
}

export async function demoTitleRows(tx: Tx): Promise<EntryValues[]> {
  const random = seededRandom(DEMO_RANDOM_SEED + 14);
  const today = chinaToday();
  const pool = await firms(tx);
  const rows: EntryValues[] = [];
  for (const batch of BATCHES) {
    const years = batch.byYear.flatMap(([year, n]) => Array<number>(n).fill(year));
    // distinct firms within a batch; the demo account's firm is among the Morning Star Factories and 专精特新
    let chosen = random.sample(batch.fromLadder ? pool.recognised : pool.all, years.length);
    if (pool.own !== null && (batch.kind === 'morning_star' || (batch.kind === 'specialised' && batch.level === 'provincial')))
      chosen = [pool.own, ...chosen.filter((id) => id !== pool.own).slice(0, years.length - 1)];
    years.forEach((year, i) => {
      const scenario = batch.kind === 'sm_excellent_scenario' ? `：${random.pick(SCENARIOS)}` : '';
      // the first three 专精特新 firms come up for renewal within weeks of today, so the warning shows
      const expiringSoon = batch.kind === 'specialised' && batch.level === 'provincial' && i < 3;
      const awardedOn = expiringSoon ? addYears(addDays(today, 20 + 20 * i), -3) : day(random, year);
      const awardYear = Number(awardedOn.slice(0, 4));
      rows.push({
        enterpriseId: chosen[i]!,
        kind: batch.kind,
        level: batch.level,
        name: `${batch.name}${scenario}`,
        awardingBody: batch.awardingBody,
        year: awardYear,
        documentNumber: `演示〔${awardYear}〕${batch.kind}-${i + 1}号`,
        policyId: null,
        awardedOn,
        validUntil: batch.validYears ? addYears(awardedOn, batch.validYears) : null,
        renewedOn: null,
        status: 'held',
        note: '（演示数据）',
      });
    });
  }
  return rows;
}

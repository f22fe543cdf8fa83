import { CARRIER_KINDS, TALENT_LEVELS, type EntryValues, type SkillHonour, type TalentLevel } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import { anyDb } from '../engine/repo.ts';

// The demo city's talent records, matching the seed's §二.(五) through the rows: 77 training carriers,
// 254 people with skill honours, ¥14.285 M of high-skill talent rewards and ¥160 M of graduate living
// allowances paid in 2023 from the talent fund, under the 20 talent measures. The seed gives only the
// totals: the split by kind and level, the reward per honour, the monthly allowance batches, the schools
// and the names of people are our illustrative choices (people and schools are fictional, marked 演示).

const FEN = 100;

interface DemoEnterprise {
  id: number;
  name: string;
  districtCode: string;
}

async function demoEnterprises(tx: Tx): Promise<DemoEnterprise[]> {
  return tx
    .selectFrom('enterprise')
    .select(['id', 'name', 'districtCode'])
    .where('isDemo', '=', 1)
    .where('archived', '=', 0)
    .orderBy('id')
    .execute();
}

/** Every n-th firm, so hosts and employers spread over the city's districts. */
const spread = <T>(list: readonly T[], i: number, step: number): T => list[(i * step) % list.length]!;
const labelOf = (options: readonly { value: string; label: { zh: string } }[], value: string) =>
  options.find((o) => o.value === value)!.label.zh;

// kind, level, how many, held for a term of years (national titles are not), hosted by a school
const CARRIER_PLAN: readonly [string, TalentLevel, number, number | null, boolean][] = [
  ['master_studio', 'national', 4, null, false],
  ['training_base', 'national', 2, null, true],
  ['master_studio', 'provincial', 12, 3, false],
  ['training_base', 'provincial', 5, 3, true],
  ['technician_station', 'provincial', 14, 3, false],
  ['technician_station', 'municipal', 28, 3, false],
  ['master_studio', 'municipal', 12, 3, false],
];
const DEMO_SCHOOLS = [
  '威海演示技师学院',
  '威海演示职业学院',
  '威海演示海洋职业学院',
  '威海演示工程技术学校',
  '荣成演示职业中专',
  '文登演示技工学校',
  '乳山演示职业中专',
];

export async function demoCarriers(tx: Tx): Promise<EntryValues[]> {
  const firms = await demoEnterprises(tx);
  const districts = [...new Set(firms.map((f) => f.districtCode))].sort();
  const rows: EntryValues[] = [];
  let schools = 0;
  for (const [kind, level, count, termYears, bySchool] of CARRIER_PLAN)
    for (let n = 0; n < count; n++) {
      const i = rows.length;
      const year = 2012 + (i % 12);
      const firm = spread(firms, i, 13);
      const school = bySchool ? DEMO_SCHOOLS[schools++ % DEMO_SCHOOLS.length]! : null;
      rows.push({
        name: `${school ?? firm.name}${labelOf(TALENT_LEVELS, level)}${labelOf(CARRIER_KINDS, kind)}`,
        kind,
        level,
        enterpriseId: school ? null : firm.id,
        hostSchool: school,
        districtCode: school ? districts[i % districts.length]! : firm.districtCode,
        establishedYear: year,
        tenureEnd: termYears ? `${year + termYears}-12-31` : null,
        note: '演示数据',
      });
    }
  return rows;
}

// honour, people rewarded in 2023 (honoured 2019–2023), people honoured in 2024 (not yet rewarded), the
// one-off reward in yuan: 1×300,000 + 11×150,000 + 24×100,000 + 47×50,000 + 85×60,000 + 71×35,000 = 14,285,000
export const HONOUR_PLAN: readonly [SkillHonour, number, number, number][] = [
  ['china_skill_award', 1, 0, 300_000],
  ['national_technical_expert', 11, 1, 150_000],
  ['qilu_chief_technician', 24, 2, 100_000],
  ['provincial_technical_expert', 47, 3, 50_000],
  ['municipal_chief_technician', 85, 4, 60_000],
  ['municipal_technical_expert', 71, 5, 35_000],
];
const CHIEF_TECHNICIANS = new Set<string>(['qilu_chief_technician', 'municipal_chief_technician']);
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = [
  '建国',
  '海涛',
  '志强',
  '丽娜',
  '明辉',
  '春梅',
  '晓东',
  '国栋',
  '红霞',
  '立新',
  '振华',
  '秀英',
  '文博',
  '永刚',
  '雪莲',
  '德胜',
  '玉兰',
  '宏伟',
  '淑芬',
  '鹏飞',
];
const OCCUPATIONS = ['数控车工', '焊工', '钳工', '电工', '模具工', '装配钳工', '化工总控工', '汽车维修工'];

const demoPerson = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}（演示）`;

export async function demoHonours(tx: Tx): Promise<EntryValues[]> {
  const firms = await demoEnterprises(tx);
  const rows: EntryValues[] = [];
  for (const [honour, rewarded, later] of HONOUR_PLAN)
    for (let n = 0; n < rewarded + later; n++) {
      const i = rows.length;
      const year = n < rewarded ? 2019 + (i % 5) : 2024;
      const firm = spread(firms, i, 7);
      rows.push({
        personName: demoPerson(i),
        honour,
        year,
        occupation: OCCUPATIONS[i % OCCUPATIONS.length]!,
        employerName: firm.name,
        enterpriseId: firm.id,
        districtCode: firm.districtCode,
        // chief technicians are appointed for three years
        tenureEnd: CHIEF_TECHNICIANS.has(honour) ? `${year + 3}-12-31` : null,
      });
    }
  return rows;
}

// 2023's living allowances for graduates who took up jobs in Weihai, paid monthly (millions of yuan; Σ 160)
const ALLOWANCE_MONTHS_M = [9.6, 10.4, 12.8, 13.2, 14.0, 15.6, 16.8, 15.2, 14.4, 13.6, 12.4, 12.0];
const ALLOWANCE_PER_PERSON_YUAN = 2000;
export const TALENT_POLICY_TITLE = '“新时代威海英才工程”新政 20 条';
const REWARD_OF = new Map(HONOUR_PLAN.map(([honour, , , yuan]) => [honour as string, yuan]));

/** The 2023 talent fund the payments draw on, then the payments (rewards to 2019–2023 honours, allowances). */
export async function demoPayments(tx: Tx): Promise<EntryValues[]> {
  await createDemoTalentFund(tx);
  const policy = (await anyDb(tx)
    .selectFrom('register_policy')
    .select('id')
    .where('title', '=', TALENT_POLICY_TITLE)
    .where('archived', '=', 0)
    .executeTakeFirstOrThrow()) as { id: number };
  const honours = (await anyDb(tx)
    .selectFrom('register_skill_honour')
    .select(['id', 'honour', 'year'])
    .where('isDemo', '=', 1)
    .where('archived', '=', 0)
    .where('year', '<=', 2023)
    .orderBy('id')
    .execute()) as { id: number; honour: string; year: number }[];
  const rewards = honours.map((h, i) => ({
    kind: 'high_skill_reward',
    honourId: h.id,
    recipientGroup: null,
    recipients: 1,
    policyId: policy.id,
    paidOn: `2023-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    amountFen: REWARD_OF.get(h.honour)! * FEN,
    batch: `2023-技能奖励-${String(1 + (i % 12)).padStart(2, '0')}`,
  }));
  const allowances = ALLOWANCE_MONTHS_M.map((millions, m) => {
    const yuan = Math.round(millions * 1_000_000);
    const month = String(m + 1).padStart(2, '0');
    return {
      kind: 'graduate_allowance',
      honourId: null,
      recipientGroup: `2023年${m + 1}月来威就业高校毕业生（演示）`,
      recipients: yuan / ALLOWANCE_PER_PERSON_YUAN,
      policyId: policy.id,
      paidOn: `2023-${month}-25`,
      amountFen: yuan * FEN,
      batch: `2023-生活补贴-${month}`,
    };
  });
  return [...rewards, ...allowances];
}

async function createDemoTalentFund(tx: Tx): Promise<void> {
  const at = '2023-01-10T01:00:00.000Z';
  const { id } = await tx
    .insertInto('fundingFund')
    .values({
      year: 2023,
      purpose: 'talent',
      name: '2023年威海市人才发展专项资金（演示）',
      totalFen: 200_000_000 * FEN,
      createdAt: at,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('fundingEnvelope')
    .values([
      { fundId: id, kind: 'talent_reward', name: '高技能人才奖励', amountFen: 20_000_000 * FEN, sortOrder: 1 },
      { fundId: id, kind: 'graduate_allowance', name: '高校毕业生生活补贴', amountFen: 175_000_000 * FEN, sortOrder: 2 },
    ])
    .execute();
}

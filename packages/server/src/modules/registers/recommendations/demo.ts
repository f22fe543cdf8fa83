import type { EntryValues } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import { DEMO_RANDOM_SEED } from '../../../demo/enterprises.ts';
import { seededRandom } from '../../../demo/random.ts';
import { chinaToday } from '../engine/service.ts';

// The demo city's upward recommendations (seed §三.(一)): each year a few projects of the project library
// go to the national technical-transformation fund and pilot programme, more to the province's loan
// subsidy and new-revenue award; most provincial ones win, about half the national ones; this year's are
// still pending. Amounts are plausible, not Weihai's (the seed gives none), and the rows are marked 演示.

interface Plan {
  programme: string;
  level: 'national' | 'provincial';
  perYear: number;
  winShare: number;
  /** Yuan, when won; none for a title-only programme. */
  amount?: [number, number];
}

const PLANS: Plan[] = [
  { programme: 'national_tech_transformation', level: 'national', perYear: 2, winShare: 0.5, amount: [5_000_000, 20_000_000] },
  { programme: 'pilot_demonstration', level: 'national', perYear: 2, winShare: 0.5 },
  { programme: 'major_loan_subsidy', level: 'provincial', perYear: 4, winShare: 0.75, amount: [500_000, 3_000_000] },
  { programme: 'new_revenue_award', level: 'provincial', perYear: 3, winShare: 0.67, amount: [300_000, 1_500_000] },
];
const YEARS = [2021, 2022, 2023, 2024, 2025];

export async function demoRecommendationRows(tx: Tx): Promise<EntryValues[]> {
  const random = seededRandom(DEMO_RANDOM_SEED + 15);
  const today = chinaToday();
  const projects = await tx
    .selectFrom('fundingProject')
    .select(['id', 'enterpriseId', 'name'])
    .where('isDemo', '=', 1)
    .orderBy('id')
    .execute();
  const thisYear = Number(today.slice(0, 4));
  const years = [...YEARS.filter((y) => y < thisYear), thisYear];
  const perRow = years.reduce((n, y) => n + PLANS.reduce((m, p) => m + (y === thisYear ? 1 : p.perYear), 0), 0);
  const picked = random.sample(projects, Math.min(perRow, projects.length));
  const rows: EntryValues[] = [];
  for (const year of years)
    for (const plan of PLANS) {
      const pending = year === thisYear;
      const n = pending ? 1 : plan.perYear;
      for (let i = 0; i < n && picked.length; i++) {
        const project = picked.pop()!;
        const won = !pending && i < Math.round(n * plan.winShare);
        const recommendedOn = pending ? `${year}-01-10` : `${year}-0${random.int(3, 6)}-${String(random.int(10, 28))}`;
        rows.push({
          enterpriseId: Number(project.enterpriseId),
          programme: plan.programme,
          level: plan.level,
          year,
          projectName: project.name,
          fundingProjectId: Number(project.id),
          recommendedOn: recommendedOn > today ? today : recommendedOn,
          outcome: pending ? 'pending' : won ? 'won' : 'not_selected',
          amountWon: won && plan.amount ? random.int(plan.amount[0] / 10_000, plan.amount[1] / 10_000) * 1_000_000 : null,
          decidedOn: pending ? null : `${year}-${random.int(10, 12)}-${String(random.int(10, 28))}`,
          note: '（演示数据）',
        });
      }
    }
  return rows;
}

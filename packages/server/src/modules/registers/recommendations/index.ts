import { UPWARD_RECOMMENDATION_REGISTER, type EntryProblem } from '@zhizao/domain';
import type { RegisterModule } from '../engine/module.ts';
import { demoRecommendationRows } from './demo.ts';
import { registerRecommendationRoutes } from './routes.ts';

export const upwardRecommendationRegister: RegisterModule = {
  definition: UPWARD_RECOMMENDATION_REGISTER,
  hooks: {
    // the project named must be one of the firm's own in the project library
    check: async (db, values) => {
      if (typeof values.fundingProjectId !== 'number') return [];
      const project = await db
        .selectFrom('fundingProject')
        .select('enterpriseId')
        .where('id', '=', values.fundingProjectId)
        .executeTakeFirst();
      const problem: EntryProblem = { field: 'fundingProjectId', key: 'registers.recommendations.fundingProjectNotFound' };
      return project && Number(project.enterpriseId) === values.enterpriseId ? [] : [problem];
    },
  },
  routes: registerRecommendationRoutes,
  sample: (context, serial) => ({
    enterpriseId: context.enterpriseId,
    programme: 'major_loan_subsidy',
    level: 'provincial',
    year: 2024,
    projectName: `智能化技术改造项目（测试 ${serial}）`,
    fundingProjectId: null,
    recommendedOn: '2024-04-15',
    outcome: 'won',
    amountWon: 120_000_000,
    decidedOn: '2024-11-20',
    note: null,
  }),
  demoRows: demoRecommendationRows,
};

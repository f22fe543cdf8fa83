import { SKILL_HONOUR_REGISTER } from '@zhizao/domain';
import type { RegisterModule } from '../engine/module.ts';
import { demoHonours } from './demo.ts';

export const skillHonourRegister: RegisterModule = {
  definition: SKILL_HONOUR_REGISTER,
  sample: (context, serial) => ({
    personName: `测试人员${serial}`,
    honour: 'municipal_chief_technician',
    year: 2022,
    occupation: '数控车工',
    employerName: '测试企业',
    enterpriseId: context.enterpriseId,
    districtCode: context.districtCode,
    tenureEnd: '2025-12-31',
  }),
  demoRows: demoHonours,
};

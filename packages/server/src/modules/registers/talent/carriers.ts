import { TRAINING_CARRIER_REGISTER } from '@zhizao/domain';
import type { RegisterModule } from '../engine/module.ts';
import { demoCarriers } from './demo.ts';

export const trainingCarrierRegister: RegisterModule = {
  definition: TRAINING_CARRIER_REGISTER,
  sample: (context, serial) => ({
    name: `测试技师工作站 ${serial}`,
    kind: 'technician_station',
    level: 'municipal',
    enterpriseId: context.enterpriseId,
    hostSchool: null,
    districtCode: context.districtCode,
    establishedYear: 2022,
    tenureEnd: '2025-12-31',
    note: null,
  }),
  demoRows: demoCarriers,
};

import { TITLE_REGISTER } from '@zhizao/domain';
import type { RegisterModule } from '../engine/module.ts';
import { demoTitleRows } from './demo.ts';
import { registerTitleRoutes } from './routes.ts';

export const titleRegister: RegisterModule = {
  definition: TITLE_REGISTER,
  // the award document
  files: true,
  routes: registerTitleRoutes,
  sample: (context, serial) => ({
    enterpriseId: context.enterpriseId,
    kind: 'five_g_factory',
    level: 'provincial',
    name: `山东省5G全连接工厂（测试 ${serial}）`,
    awardingBody: '山东省工业和信息化厅',
    year: 2024,
    documentNumber: `测试〔2024〕${serial}号`,
    policyId: context.rowOf('policies'),
    awardedOn: '2024-06-18',
    validUntil: null,
    renewedOn: null,
    status: 'held',
    note: null,
  }),
  demoRows: demoTitleRows,
};

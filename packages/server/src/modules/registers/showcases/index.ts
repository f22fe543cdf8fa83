import { SHOWCASE_KPI_REGISTER, SHOWCASE_REGISTER } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import type { RegisterModule } from '../engine/module.ts';
import { anyDb } from '../engine/repo.ts';
import type { Entry } from '../engine/entries.ts';
import { registerCoverageRoute } from './coverage.ts';
import { demoCases, demoShowcaseIds } from './demo.ts';

/** A showcase's KPIs belong to its firm (ownerFrom): they follow when the showcase changes hands. */
async function moveKpisWith(tx: Tx, entry: Entry, before: Entry | null): Promise<void> {
  if (!before || (before.enterpriseId === entry.enterpriseId && before.districtCode === entry.districtCode)) return;
  await anyDb(tx)
    .updateTable(SHOWCASE_KPI_REGISTER.table)
    .set({ enterpriseId: entry.enterpriseId, districtCode: entry.districtCode })
    .where('showcase', '=', entry.id)
    .execute();
}

export const showcaseRegister: RegisterModule = {
  definition: SHOWCASE_REGISTER,
  hooks: { afterWrite: (tx, entry, before) => moveKpisWith(tx, entry, before) },
  routes: registerCoverageRoute,
  sample: (context, serial) => ({
    name: `测试示范案例 ${serial}`,
    enterpriseId: context.enterpriseId,
    chain: context.chainCode,
    segment: '精密零部件',
    status: 'published',
    publishedOn: '2024-05-06',
    problem: '人工检测效率低',
    solution: '在线视觉检测',
  }),
  demoRows: async (tx) => (await demoCases(tx)).map((c) => c.values),
};

export const showcaseKpiRegister: RegisterModule = {
  definition: SHOWCASE_KPI_REGISTER,
  sample: (context, serial) => ({
    showcase: context.rowOf('showcases'),
    kind: 'productivity',
    name: `测试指标 ${serial}`,
    unit: '件/人·时',
    beforeValue: 100,
    afterValue: 130,
    measuredBefore: '2023-01-31',
    measuredAfter: '2024-01-31',
    source: null,
  }),
  demoRows: async (tx) => {
    const ids = await demoShowcaseIds(tx);
    return (await demoCases(tx)).flatMap((c) => c.kpis.map((k) => ({ ...k, showcase: ids.get(String(c.values.name))! })));
  },
};

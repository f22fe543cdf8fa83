import { expect } from 'vitest';
import type { Json, TestClient } from '../../../test/harness.ts';

// Fixtures for the funding API tests: a policy, a fund and a project, made through the API as people would.

export const yuan = (n: number) => Math.round(n * 100);

/** Shandong 2021 style: 10 % of equipment and software for smart factories and digital workshops (domain notes §5). */
export const TEN_PERCENT_POLICY = {
  code: 'test-smart-factory',
  name: '测试：智能工厂设备软件投资奖补',
  year: 2024,
  basis: '参照鲁 2021 高水平技改',
  rules: {
    qualifyingKinds: ['smart_factory', 'digital_workshop'],
    eligibleItems: ['equipment', 'software'],
    rate: { mode: 'flat', rateBp: 1000 },
    minInvestmentFen: yuan(1_000_000),
    capPerProjectFen: yuan(5_000_000),
    capPerEnterpriseYearFen: null,
  },
};

export const projectBody = (over: Record<string, unknown> = {}) => ({
  year: 2024,
  kind: 'smart_factory',
  name: '精密轴承智能工厂',
  description: null,
  equipmentFen: yuan(8_000_000),
  softwareFen: yuan(2_000_000),
  servicesFen: yuan(500_000),
  otherFen: 0,
  startDate: '2024-03-01',
  completionDate: '2024-12-31',
  milestones: [{ name: '设备到货', dueDate: '2024-06-30', doneDate: null }],
  targets: [
    { code: 'productivity', name: '生产效率提升', unit: '%', baseline: 100, target: 120, direction: 'up' },
    { code: 'operating_cost', name: '运营成本', unit: '万元', baseline: 1000, target: 800, direction: 'down' },
  ],
  ...over,
});

export async function created<T = Json>(res: Promise<{ status: number; body: T }>, status = 201): Promise<T> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body;
}

export async function fundFor(bureau: TestClient, year: number, smartDigitalYuan: number, totalYuan = smartDigitalYuan * 2) {
  return created(
    bureau.post('/api/funding/funds', {
      year,
      name: `${year}年先进制造业强市专项资金`,
      totalFen: yuan(totalYuan),
      envelopes: [
        { kind: 'smart_digital', name: '智改数转奖补', amountFen: yuan(smartDigitalYuan) },
        { kind: 'other', name: '其他', amountFen: yuan(totalYuan - smartDigitalYuan) },
      ],
    }),
  );
}

/** Walks an award from submitted to in_notice (sampling whatever is waiting in its year). */
export async function toNotice(bureau: TestClient, district: TestClient, awardId: number, year: number) {
  await created(district.post(`/api/funding/awards/${awardId}/moves`, { action: 'preliminaryPass' }), 200);
  const draw = await created(bureau.post('/api/funding/sample-draws', { year, ratio: 0.3 }));
  if (draw.selected.includes(awardId)) await created(bureau.post(`/api/funding/awards/${awardId}/moves`, { action: 'secondPass' }), 200);
  return created(
    bureau.post(`/api/funding/awards/${awardId}/moves`, { action: 'publishNotice', noticeStart: '2024-09-02', noticeEnd: '2024-09-06' }),
    200,
  );
}

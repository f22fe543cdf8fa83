import { describe, expect, it } from 'vitest';
import { formatMessage } from '../i18n/messages.ts';
import { calculateAward, policyRuleProblems, type PolicyRules } from './award.ts';
import type { Investment } from './kinds.ts';
import { projectProblems } from './project.ts';

const yuan = (n: number) => Math.round(n * 100);
const invest = (p: Partial<Record<'equipment' | 'software' | 'services' | 'other', number>>): Investment => ({
  equipmentFen: yuan(p.equipment ?? 0),
  softwareFen: yuan(p.software ?? 0),
  servicesFen: yuan(p.services ?? 0),
  otherFen: yuan(p.other ?? 0),
});

// Shandong 2021 高水平技改: ≤ 10 % of equipment and IP/technology purchases, ≤ ¥5 M per enterprise (domain notes §5).
const shandong2021: PolicyRules = {
  qualifyingKinds: ['smart_factory', 'digital_workshop'],
  eligibleItems: ['equipment', 'software'],
  rate: { mode: 'flat', rateBp: 1000 },
  minInvestmentFen: 0,
  capPerProjectFen: null,
  capPerEnterpriseYearFen: yuan(5_000_000),
};

// 沂水 2022: equipment ≥ ¥5 M / 30 M / 50 M → 1.5 % / 1.8 % / 2 % of the whole, cap ¥1 M (domain notes §5).
const yishui2022: PolicyRules = {
  qualifyingKinds: ['equipment_upgrade', 'smart_factory', 'digital_workshop'],
  eligibleItems: ['equipment'],
  rate: {
    mode: 'tiered',
    basis: 'whole',
    bands: [
      { fromFen: yuan(5_000_000), rateBp: 150 },
      { fromFen: yuan(30_000_000), rateBp: 180 },
      { fromFen: yuan(50_000_000), rateBp: 200 },
    ],
  },
  minInvestmentFen: 0,
  capPerProjectFen: yuan(1_000_000),
  capPerEnterpriseYearFen: null,
};

describe('award calculator, worked examples', () => {
  it('Shandong 2021: a ¥40 M smart factory gets 10 % of equipment and software, services not counted', () => {
    const result = calculateAward(shandong2021, {
      kind: 'smart_factory',
      investment: invest({ equipment: 32_000_000, software: 6_000_000, services: 2_000_000 }),
      alreadyAwardedFen: 0,
    });
    expect(result.amountFen).toBe(yuan(3_800_000));
    expect(result.eligible).toBe(true);
    expect(result.lines.map((l) => [l.step, l.amountFen])).toEqual([
      ['kind', null],
      ['item', yuan(32_000_000)],
      ['item', yuan(6_000_000)],
      ['item', null],
      ['base', yuan(38_000_000)],
      ['rate', yuan(3_800_000)],
      ['result', yuan(3_800_000)],
    ]);
  });

  it('Shandong 2021: an enterprise holding ¥2 M this year gets only the ¥3 M left under its ¥5 M cap', () => {
    const result = calculateAward(shandong2021, {
      kind: 'smart_factory',
      investment: invest({ equipment: 32_000_000, software: 6_000_000 }),
      alreadyAwardedFen: yuan(2_000_000),
    });
    expect(result.amountFen).toBe(yuan(3_000_000));
    expect(result.lines.at(-2)).toMatchObject({ step: 'capEnterprise', amountFen: yuan(3_000_000) });
  });

  it('沂水 2022: ¥40 M of equipment reaches the 30 M band, 1.8 % of the whole = ¥720,000', () => {
    const result = calculateAward(yishui2022, {
      kind: 'equipment_upgrade',
      investment: invest({ equipment: 40_000_000, software: 1_000_000 }),
      alreadyAwardedFen: 0,
    });
    expect(result.amountFen).toBe(yuan(720_000));
    expect(result.lines.find((l) => l.step === 'rate')).toMatchObject({
      code: 'funding.calcTierWhole',
      params: { rate: '1.8%', from: '30,000,000.00' },
    });
  });

  it('沂水 2022: ¥60 M at 2 % would be ¥1.2 M, capped at ¥1 M per project', () => {
    const result = calculateAward(yishui2022, {
      kind: 'equipment_upgrade',
      investment: invest({ equipment: 60_000_000 }),
      alreadyAwardedFen: 0,
    });
    expect(result.amountFen).toBe(yuan(1_000_000));
    expect(result.lines.map((l) => l.step)).toContain('capProject');
  });

  it('沂水 2022: ¥4 M of equipment is below the first band: no award, and the line says why', () => {
    const result = calculateAward(yishui2022, {
      kind: 'equipment_upgrade',
      investment: invest({ equipment: 4_000_000 }),
      alreadyAwardedFen: 0,
    });
    expect(result).toMatchObject({ eligible: false, amountFen: 0 });
    const why = result.lines.find((l) => l.step === 'rate')!;
    expect(formatMessage(why.code, 'zh-CN', why.params)).toBe('奖补基数 4,000,000.00 元未达到最低档 5,000,000.00 元，不予奖补');
  });

  it('marginal bands: ¥3 M at 10 % up to ¥1 M and 5 % above = ¥200,000', () => {
    const rules: PolicyRules = {
      ...shandong2021,
      capPerEnterpriseYearFen: null,
      rate: {
        mode: 'tiered',
        basis: 'marginal',
        bands: [
          { fromFen: 0, rateBp: 1000 },
          { fromFen: yuan(1_000_000), rateBp: 500 },
        ],
      },
    };
    const result = calculateAward(rules, { kind: 'smart_factory', investment: invest({ equipment: 3_000_000 }), alreadyAwardedFen: 0 });
    expect(result.amountFen).toBe(yuan(200_000));
    expect(result.lines.filter((l) => l.step === 'rate').map((l) => l.amountFen)).toEqual([yuan(100_000), yuan(100_000)]);
  });

  it('a kind the policy does not cover, and a base below the minimum, give nothing', () => {
    expect(
      calculateAward(shandong2021, { kind: '5g_application', investment: invest({ equipment: 9_000_000 }), alreadyAwardedFen: 0 }),
    ).toMatchObject({ eligible: false, amountFen: 0 });
    const withMinimum = { ...shandong2021, minInvestmentFen: yuan(5_000_000) };
    const below = calculateAward(withMinimum, {
      kind: 'smart_factory',
      investment: invest({ equipment: 4_999_999.99 }),
      alreadyAwardedFen: 0,
    });
    expect(below.lines.map((l) => l.code)).toContain('funding.calcBelowMinimum');
    expect(below.amountFen).toBe(0);
  });

  it('rounds down to the fen and stays exact on very large sums', () => {
    const rules: PolicyRules = { ...shandong2021, capPerEnterpriseYearFen: null, rate: { mode: 'flat', rateBp: 333 } };
    expect(calculateAward(rules, { kind: 'smart_factory', investment: invest({ equipment: 0.99 }), alreadyAwardedFen: 0 }).amountFen).toBe(
      3,
    );
    const huge = 90_000_000_000_000_00; // 9e15 fen, beyond what a double multiplies exactly
    expect(
      calculateAward(rules, {
        kind: 'smart_factory',
        investment: { equipmentFen: huge, softwareFen: 0, servicesFen: 0, otherFen: 0 },
        alreadyAwardedFen: 0,
      }).amountFen,
    ).toBe(Number((BigInt(huge) * 333n) / 10000n));
  });

  it('every line reads in both languages with no unfilled brace', () => {
    const result = calculateAward(shandong2021, {
      kind: 'smart_factory',
      investment: invest({ equipment: 32_000_000, services: 1 }),
      alreadyAwardedFen: yuan(4_000_000),
    });
    for (const line of result.lines)
      for (const locale of ['zh-CN', 'en'] as const) expect(formatMessage(line.code, locale, line.params)).not.toMatch(/\{\w+\}/);
  });
});

describe('policy rule problems', () => {
  it('refuses bands out of order and empty lists', () => {
    const rules: PolicyRules = {
      ...yishui2022,
      qualifyingKinds: [],
      rate: {
        mode: 'tiered',
        basis: 'whole',
        bands: [
          { fromFen: 10, rateBp: 1 },
          { fromFen: 10, rateBp: 2 },
        ],
      },
    };
    expect(policyRuleProblems(rules).map((p) => p.field)).toEqual(['rules.qualifyingKinds', 'rules.rate.bands']);
    expect(policyRuleProblems(yishui2022)).toEqual([]);
  });
});

describe('project problems', () => {
  const ok = { equipmentFen: 100, softwareFen: 0, servicesFen: 0, otherFen: 0, startDate: '2024-01-01', completionDate: null, targets: [] };
  it('refuses a negative item, a zero total, completion before start and a KPI code twice', () => {
    expect(projectProblems(ok)).toEqual([]);
    expect(projectProblems({ ...ok, softwareFen: -1 }).map((p) => p.field)).toEqual(['softwareFen']);
    expect(projectProblems({ ...ok, equipmentFen: 0 }).map((p) => p.key)).toEqual(['funding.projectInvestmentZero']);
    expect(projectProblems({ ...ok, completionDate: '2023-12-31' }).map((p) => p.key)).toEqual(['funding.projectDatesOrder']);
    const t = { code: 'cnc', name: 'CNC', unit: '%', baseline: 50, target: 70, direction: 'up' as const };
    expect(projectProblems({ ...ok, targets: [t, t] }).map((p) => p.key)).toEqual(['funding.projectDuplicateKpi']);
  });
});

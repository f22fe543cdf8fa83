import { describe, expect, it } from 'vitest';
import {
  CMMM_2020_ID,
  CMMM_2020_REQUIREMENTS,
  CMMM_2020_SUB_DOMAINS,
  CMMM_2024_DRAFT_ID,
  CMMM_2024_DRAFT_REQUIREMENTS,
  CMMM_2024_DRAFT_SUB_DOMAINS,
  requirementsFor,
} from './index.ts';
import type { Requirement } from './types.ts';

const LEVELS = [1, 2, 3, 4, 5] as const;

const banks = [
  { version: CMMM_2020_ID, prefix: 'C20', items: CMMM_2020_REQUIREMENTS, subDomains: CMMM_2020_SUB_DOMAINS, perCell: 2 },
  {
    version: CMMM_2024_DRAFT_ID,
    prefix: 'C24',
    items: CMMM_2024_DRAFT_REQUIREMENTS,
    subDomains: CMMM_2024_DRAFT_SUB_DOMAINS,
    perCell: 1,
  },
] as const;

const countBy = (items: readonly Requirement[], key: (r: Requirement) => string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of items) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
  return m;
};

describe.each(banks)('default question bank $version', ({ version, prefix, items, subDomains, perCell }) => {
  it(`covers every sub-domain × level cell with at least ${perCell} item(s)`, () => {
    const cells = countBy(items, (r) => `${r.subDomainCode}/L${r.level}`);
    const thin: string[] = [];
    for (const sd of subDomains) {
      for (const level of LEVELS) {
        if ((cells.get(`${sd}/L${level}`) ?? 0) < perCell) thin.push(`${sd}/L${level}`);
      }
    }
    expect(thin).toEqual([]);
  });

  it('uses only the sub-domains and the version of the model', () => {
    const known = new Set<string>(subDomains);
    expect(items.filter((r) => !known.has(r.subDomainCode)).map((r) => r.id)).toEqual([]);
    expect(items.every((r) => r.modelVersion === version)).toBe(true);
  });

  it('has unique ids matching <prefix>-<subDomain>-L<level>-<NN>', () => {
    const ids = items.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of items) {
      expect(r.id).toMatch(new RegExp(`^${prefix}-[a-z_]+-L[1-5]-\\d{2}$`));
      expect(r.id.startsWith(`${prefix}-${r.subDomainCode}-L${r.level}-`)).toBe(true);
    }
  });

  it('has text, evidence and advice in Chinese and English', () => {
    const incomplete = items.filter((r) => [r.text, r.evidence, r.advice].some((t) => t.zh.trim() === '' || t.en.trim() === ''));
    expect(incomplete.map((r) => r.id)).toEqual([]);
    // Chinese fields contain Chinese; English fields do not.
    const han = /\p{Script=Han}/u;
    for (const r of items) {
      for (const t of [r.text, r.evidence, r.advice]) {
        expect(han.test(t.zh), r.id).toBe(true);
        expect(han.test(t.en), r.id).toBe(false);
      }
    }
  });

  it('never repeats the Chinese text of an item', () => {
    const dupes = [...countBy(items, (r) => r.text.zh).entries()].filter(([, n]) => n > 1).map(([t]) => t);
    expect(dupes).toEqual([]);
  });

  it('is served by requirementsFor', () => {
    expect(requirementsFor(version)).toBe(items);
  });
});

describe('default question bank sizes', () => {
  it('has at least 200 items for CMMM-2020 and 125 for the 2024 draft', () => {
    expect(CMMM_2020_REQUIREMENTS.length).toBeGreaterThanOrEqual(200);
    expect(CMMM_2024_DRAFT_REQUIREMENTS.length).toBeGreaterThanOrEqual(125);
  });

  it('has the 20 and 25 sub-domains of the two models', () => {
    expect(new Set(CMMM_2020_SUB_DOMAINS).size).toBe(20);
    expect(new Set(CMMM_2024_DRAFT_SUB_DOMAINS).size).toBe(25);
  });
});

describe('requirementsFor', () => {
  it('accepts common spellings of a version and returns nothing for an unknown one', () => {
    expect(requirementsFor('cmmm-2020')).toBe(CMMM_2020_REQUIREMENTS);
    expect(requirementsFor('CMMM_2024_DRAFT')).toBe(CMMM_2024_DRAFT_REQUIREMENTS);
    expect(requirementsFor('CMMM-2030')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { copyModelVersion, type Answer } from './model.ts';
import { CMMM_2020 } from './models/cmmm-2020.ts';
import { answerProblems, bankProblems, modelProblems } from './validate.ts';
import { syntheticBank } from './test-support.ts';

const bank = syntheticBank(CMMM_2020);
const id = bank[0]!.id;

describe('answer problems (each one a 4xx from the API)', () => {
  it('accepts well-formed answers, N/A with a reason included', () => {
    expect(
      answerProblems(CMMM_2020, bank, [
        { requirementId: id, value: 0.8 },
        { requirementId: bank[1]!.id, value: null, naReason: '无自有产品设计' },
      ]),
    ).toEqual([]);
  });

  it('names an unknown requirement, a bad value, N/A without reason and a duplicate', () => {
    const answers = [
      { requirementId: 'no-such-item', value: 1 },
      { requirementId: id, value: 0.7 },
      { requirementId: bank[1]!.id, value: null, naReason: '  ' },
      { requirementId: bank[2]!.id, value: null },
      { requirementId: id, value: 1 },
      { requirementId: bank[3]!.id, value: '1' },
    ] as unknown as Answer[];
    expect(answerProblems(CMMM_2020, bank, answers)).toEqual([
      { index: 0, requirementId: 'no-such-item', code: 'unknownRequirement' },
      { index: 1, requirementId: id, code: 'badValue' },
      { index: 2, requirementId: bank[1]!.id, code: 'naWithoutReason' },
      { index: 3, requirementId: bank[2]!.id, code: 'naWithoutReason' },
      { index: 4, requirementId: id, code: 'duplicate' },
      { index: 5, requirementId: bank[3]!.id, code: 'badValue' },
    ]);
  });

  it('rejects a requirement of another model version and one in a cell that does not apply', () => {
    const other = { ...bank[0]!, id: 'other', modelVersion: 'CMMM-2024draft' };
    const trimmed = copyModelVersion(CMMM_2020, 'custom', CMMM_2020.name);
    trimmed.applicability[bank[0]!.subDomainCode]![bank[0]!.level] = false;
    expect(answerProblems(CMMM_2020, [...bank, other], [{ requirementId: 'other', value: 1 }])[0]?.code).toBe('unknownRequirement');
    expect(answerProblems(trimmed, bank, [{ requirementId: id, value: 1 }])[0]?.code).toBe('notApplicableCell');
  });
});

describe('model problems (a bureau admin edited a copy)', () => {
  it('finds weights that do not sum to one, missing and negative weights', () => {
    const edited = copyModelVersion(CMMM_2020, 'edited', CMMM_2020.name);
    edited.weights.process.domain['design'] = 0.5;
    edited.weights.discrete.subDomain['sales'] = -1;
    delete edited.weights.discrete.subDomain['logistics'];
    expect(modelProblems(edited)).toEqual(
      expect.arrayContaining([
        { code: 'weightsDoNotSumToOne', subject: 'process:domains' },
        { code: 'negativeWeight', subject: 'discrete:sales' },
        { code: 'missingWeight', subject: 'discrete:logistics' },
      ]),
    );
    expect(modelProblems(CMMM_2020)).toEqual([]);
  });

  it('finds a missing applicability cell, a bad threshold and an unknown formula', () => {
    const edited = copyModelVersion(CMMM_2020, 'edited', CMMM_2020.name);
    delete edited.applicability['sales'];
    edited.passThreshold = 1.2;
    edited.formulaId = 'other' as never;
    const codes = modelProblems(edited).map((p) => p.code);
    expect(codes).toContain('missingApplicability');
    expect(codes).toContain('badThreshold');
    expect(codes).toContain('unknownFormula');
  });

  it('leaves the original untouched when a copy is edited', () => {
    const edited = copyModelVersion(CMMM_2020, 'edited', CMMM_2020.name);
    edited.weights.process.domain['design'] = 0.5;
    expect(CMMM_2020.weights.process.domain['design']).toBeCloseTo(1 / 12, 12);
  });
});

describe('bank problems', () => {
  it('a bank with requirements in every applicable cell is clean', () => {
    expect(bankProblems(CMMM_2020, bank)).toEqual([]);
  });

  it('finds an empty cell, a duplicate id and an unknown sub-domain', () => {
    const broken = bank.filter((r) => !(r.subDomainCode === 'sales' && r.level === 4));
    broken.push({ ...bank[0]! }, { ...bank[0]!, id: 'x', subDomainCode: 'marketing' });
    expect(bankProblems(CMMM_2020, broken)).toEqual([
      { code: 'duplicateId', subject: bank[0]!.id },
      { code: 'unknownSubDomain', subject: 'x' },
      { code: 'emptyCell', subject: 'sales@4' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { completeCreditCode } from './credit-code.ts';
import { enterpriseProblems, maskPhone, normaliseEnterpriseInput, type EnterpriseInput } from './enterprise.ts';

const taxonomy = {
  districtCodes: new Set(['371002']),
  chainCodes: new Set(['C01', 'C02']),
  clusterCodes: new Set(['K01']),
};
const valid: EnterpriseInput = {
  creditCode: completeCreditCode('91371002TE0000001'),
  name: '示例智造有限公司',
  districtCode: '371002',
  chainCodes: ['C01'],
  clusterCode: 'K01',
  sizeClass: 'above_designated',
  manufacturingType: 'discrete',
  industryCode: 'C3511',
  address: null,
  mainProducts: null,
  contactName: '张三',
  contactPhone: '13800000000',
  contactEmail: 'a@example.com',
};

describe('enterprise input', () => {
  it('accepts a complete valid input', () => expect(enterpriseProblems(valid, taxonomy)).toEqual([]));

  it('names every problem field by field', () => {
    const bad = {
      ...valid,
      creditCode: '91371002TE00000010',
      districtCode: '999999',
      chainCodes: ['X'],
      contactPhone: '12',
      industryCode: 'A01',
    };
    const fields = enterpriseProblems(bad, taxonomy).map((p) => `${p.field}:${p.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'districtCode:unknownDistrict',
        'chainCodes:unknownChain',
        'contactPhone:invalidPhone',
        'industryCode:invalidIndustryCode',
      ]),
    );
    expect(fields.some((f) => f.startsWith('creditCode:'))).toBe(true);
  });

  it('requires name and credit code', () => {
    const fields = enterpriseProblems({ ...valid, name: ' ', creditCode: '' }, taxonomy).map((p) => p.field);
    expect(fields).toEqual(['creditCode', 'name']);
  });

  it('normalises text and case', () => {
    const n = normaliseEnterpriseInput({
      ...valid,
      creditCode: ` ${valid.creditCode.toLowerCase()} `,
      address: '  ',
      chainCodes: ['C01', 'C01', ' '],
    });
    expect(n.creditCode).toBe(valid.creditCode);
    expect(n.address).toBeNull();
    expect(n.chainCodes).toEqual(['C01']);
  });

  it('masks phones', () => expect(maskPhone('13812345678')).toBe('138****5678'));
});

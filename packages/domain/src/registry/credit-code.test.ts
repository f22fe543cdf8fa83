import { describe, expect, it } from 'vitest';
import { completeCreditCode, creditCodeCheckCharacter, creditCodeDivision, creditCodeProblem, isValidCreditCode } from './credit-code.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of well-known public bodies, used only as check-character fixtures.
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  it('names the problem of a bad code', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(creditCodeProblem('91350100M000100I43')).toBe('character');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // find a body whose weighted sum is divisible by 31 by adjusting its last character
    const body16 = '9137100000000000';
    const found = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => body16 + c).find((b) => creditCodeCheckCharacter(b) === '0');
    expect(found).toBeDefined();
    expect(isValidCreditCode(found! + '0')).toBe(true);
  });

  it('detects every single-character change', () => {
    const code = completeCreditCode('91371002TE0000001');
    for (let i = 0; i < 17; i++) {
      const changed = code.slice(0, i) + (code[i] === '1' ? '2' : '1') + code.slice(i + 1);
      expect(isValidCreditCode(changed)).toBe(false);
    }
  });

  it('reads the division code', () => {
    expect(creditCodeDivision('91371002TE00000011')).toBe('371002');
  });
});

import { describe, expect, it } from 'vitest';
import { commonPasswordForms, DEFAULT_SECURITY_SETTINGS, passwordProblems } from './password-policy.ts';

describe('password policy', () => {
  const check = (p: string, u = 'alice') => passwordProblems(p, u, DEFAULT_SECURITY_SETTINGS);
  it('accepts a long password of three classes', () => expect(check('Zhizao@demo1')).toEqual([]));
  it('refuses a short one', () => expect(check('Ab1!')).toContain('tooShort'));
  it('refuses two classes', () => expect(check('abcdefgh12')).toEqual(['tooFewClasses']));
  it('refuses the username', () => expect(check('Alice12#x', 'alice12#X')).toEqual(['equalsUsername']));
});

describe('common password forms', () => {
  it('undoes case, leetspeak and appended digits and symbols', () => {
    expect(commonPasswordForms('Passw0rd!')).toContain('password');
    expect(commonPasswordForms('Password1')).toContain('password');
    expect(commonPasswordForms('Qwerty123')).toContain('qwerty');
    expect(commonPasswordForms('P@ssword2024')).toContain('password');
  });
  it('keeps short stems out, so a strong password is not reduced to a common word', () => {
    expect(commonPasswordForms('Ab1!xyz9')).not.toContain('ab');
    expect(commonPasswordForms('Zhizao@demo1')).toEqual(['zhizao@demo1', 'zhizaoademo1', 'zhizao@demo', 'zhizaoademo']);
  });
});

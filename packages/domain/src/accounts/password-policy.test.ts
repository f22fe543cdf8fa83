import { describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_SETTINGS, passwordProblems } from './password-policy.ts';

describe('password policy', () => {
  const check = (p: string, u = 'alice') => passwordProblems(p, u, DEFAULT_SECURITY_SETTINGS);
  it('accepts a long password of three classes', () => expect(check('Zhizao@demo1')).toEqual([]));
  it('refuses a short one', () => expect(check('Ab1!')).toContain('tooShort'));
  it('refuses two classes', () => expect(check('abcdefgh12')).toEqual(['tooFewClasses']));
  it('refuses the username', () => expect(check('Alice12#x', 'alice12#X')).toEqual(['equalsUsername']));
});

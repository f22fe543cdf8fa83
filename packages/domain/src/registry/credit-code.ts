// Unified social credit code (统一社会信用代码), GB 32100-2015.
// Source: ../shared/domain/gov-it.md §6 — 18 characters: registration authority (1) + organisation
// type (1) + division code (6) + organisation code (9) + check character (1).
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

export type CreditCodeProblem = 'length' | 'character' | 'check';

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return ALPHABET[check]!;
}

/** Why a code is not a valid USCC, or null when it is. Lower-case input is accepted. */
export function creditCodeProblem(input: string): CreditCodeProblem | null {
  const code = normaliseCreditCode(input);
  if (code.length !== 18) return 'length';
  if (![...code].every((c) => ALPHABET.includes(c))) return 'character';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

export function isValidCreditCode(input: string): boolean {
  return creditCodeProblem(input) === null;
}

export function normaliseCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

/** Completes a 17-character body with its check character: used to make synthetic demo codes. */
export function completeCreditCode(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === null) throw new Error(`not a credit-code body: ${first17}`);
  return first17 + check;
}

/** The division code (GB/T 2260) embedded in characters 3–8. */
export function creditCodeDivision(code: string): string {
  return normaliseCreditCode(code).slice(2, 8);
}

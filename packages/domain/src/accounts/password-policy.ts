// Password policy: defaults from common 等保 level-3 checklists (../shared/domain/gov-it.md §1,
// unconfirmed), configurable by the security admin but never below the floor.
export interface SecuritySettings {
  passwordMinLength: number;
  passwordMinClasses: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  maxConcurrentSessions: number;
  /** Days before a password must be changed. */
  passwordMaxAgeDays: number;
}

export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
  idleTimeoutMinutes: 15,
  maxConcurrentSessions: 3,
  passwordMaxAgeDays: 90,
};

/** The lowest and highest values the settings page accepts. */
export const SECURITY_SETTINGS_FLOOR: SecuritySettings = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  lockoutThreshold: 3,
  lockoutMinutes: 10,
  idleTimeoutMinutes: 5,
  maxConcurrentSessions: 1,
  passwordMaxAgeDays: 7,
};
export const SECURITY_SETTINGS_CEILING: SecuritySettings = {
  passwordMinLength: 64,
  passwordMinClasses: 4,
  lockoutThreshold: 10,
  lockoutMinutes: 24 * 60,
  idleTimeoutMinutes: 30,
  maxConcurrentSessions: 10,
  passwordMaxAgeDays: 90,
};

export type PasswordProblem = 'tooShort' | 'tooFewClasses' | 'equalsUsername' | 'tooLong';

export function passwordProblems(password: string, username: string, settings: SecuritySettings): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < settings.passwordMinLength) problems.push('tooShort');
  if (password.length > 128) problems.push('tooLong');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (classes < settings.passwordMinClasses) problems.push('tooFewClasses');
  if (password.toLowerCase() === username.toLowerCase()) problems.push('equalsUsername');
  return problems;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/**
 * The forms of a password to look up in a list of common passwords: as typed (lower case), with leetspeak
 * undone, and each without the digits and symbols people append to meet a class rule — so `Passw0rd!` and
 * `Qwerty123` are found as `password` and `qwerty`.
 */
export function commonPasswordForms(password: string): string[] {
  const lower = password.toLowerCase();
  const unLeet = lower.replace(/[013457@$!](?=.*[a-z])/g, (c) => LEET[c] ?? c);
  const forms = new Set([lower, unLeet]);
  for (const form of [lower, unLeet]) {
    const stem = form.replace(/[^a-z]+$/, '');
    if (stem.length >= 4) forms.add(stem);
  }
  return [...forms];
}

/**
 * How long a (username, source) pair stays locked after its `threshold`-th failure: the configured minutes,
 * doubled for each lock it ran into before without a success in between, and never more than a day.
 */
export function lockoutMinutesFor(settings: SecuritySettings, earlierLocks: number): number {
  return Math.min(settings.lockoutMinutes * 2 ** Math.min(earlierLocks, 10), 24 * 60);
}

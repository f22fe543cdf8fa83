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

import { commonPasswordForms } from '@zhizao/domain';
import { dictionary } from '@zxcvbn-ts/language-common';

// zxcvbn-ts's list of the most common passwords from public breach corpora (about 30,000), maintained upstream.
// Built on first use, not at import: most processes (resolution nodes, CLIs) never set a password.
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  return commonPasswordForms(password).some((form) => common!.has(form));
}

// Default question bank of the Zhizao maturity self-diagnosis: requirement items per model version.
// Written for Zhizao in our own words; not the text of GB/T 39116-2020 or its 2024 revision draft.
// CMMM-2020: 20 sub-domains × 5 levels, ≥ 2 items per cell. CMMM-2024draft: 25 × 5, ≥ 1 item per cell.
// These are seeds: the bureau edits its own copy of the bank in the product.
import { CMMM_2020_ID, CMMM_2020_REQUIREMENTS, CMMM_2020_SUB_DOMAINS } from './cmmm-2020.ts';
import { CMMM_2024_DRAFT_ID, CMMM_2024_DRAFT_REQUIREMENTS, CMMM_2024_DRAFT_SUB_DOMAINS } from './cmmm-2024-draft.ts';
import type { Requirement } from './types.ts';

export type { Requirement } from './types.ts';
export {
  CMMM_2020_ID,
  CMMM_2020_REQUIREMENTS,
  CMMM_2020_SUB_DOMAINS,
  CMMM_2024_DRAFT_ID,
  CMMM_2024_DRAFT_REQUIREMENTS,
  CMMM_2024_DRAFT_SUB_DOMAINS,
};

const BANKS: Readonly<Record<string, readonly Requirement[]>> = {
  [CMMM_2020_ID]: CMMM_2020_REQUIREMENTS,
  [CMMM_2024_DRAFT_ID]: CMMM_2024_DRAFT_REQUIREMENTS,
};

/** Normalises version spellings such as "cmmm-2020", "CMMM_2024_DRAFT_ID", "CMMM-2024-draft". */
function versionKey(modelVersion: string): string {
  return modelVersion
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const BY_KEY = new Map(Object.entries(BANKS).map(([version, items]) => [versionKey(version), items]));

/** The default requirement items of a model version; an empty list for an unknown version. */
export function requirementsFor(modelVersion: string): readonly Requirement[] {
  return BY_KEY.get(versionKey(modelVersion)) ?? [];
}

/** Model versions that have a default bank. */
export const QUESTION_BANK_VERSIONS: readonly string[] = Object.keys(BANKS);

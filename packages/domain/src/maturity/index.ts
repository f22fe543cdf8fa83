export * from './model.ts';
export * from './models/levels.ts';
export * from './models/cmmm-2020.ts';
export * from './models/cmmm-2024-draft.ts';
export * from './formula.ts';
export * from './score.ts';
export * from './validate.ts';
export * from './advice.ts';
export type { Requirement } from './question-bank/types.ts';
export {
  CMMM_2020_ID,
  CMMM_2020_REQUIREMENTS,
  CMMM_2020_SUB_DOMAINS,
  CMMM_2024_DRAFT_ID,
  CMMM_2024_DRAFT_REQUIREMENTS,
  CMMM_2024_DRAFT_SUB_DOMAINS,
  QUESTION_BANK_VERSIONS,
  requirementsFor,
} from './question-bank/index.ts';

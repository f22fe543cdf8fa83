export * from './model.ts';
export * from './models/levels.ts';
export * from './models/cmmm-2020.ts';
export * from './models/cmmm-2024-draft.ts';
export * from './formula.ts';
export * from './score.ts';
export * from './validate.ts';
export * from './advice.ts';
export type * from './question-bank/types.ts';

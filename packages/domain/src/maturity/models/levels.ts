import type { LevelDefinition } from '../model.ts';

// The five levels and their popular stage labels, maturity.md §2 (GB/T 39116-2020; the 2024 draft
// keeps the five levels, §7). English names are working translations.
export const CMMM_LEVELS: LevelDefinition[] = [
  { level: 1, name: { zh: '一级 规划级', en: 'Level 1 Planning' }, stage: { zh: '流程化管理', en: 'Process-based management' } },
  { level: 2, name: { zh: '二级 规范级', en: 'Level 2 Specification' }, stage: { zh: '数字化改造', en: 'Digital upgrading' } },
  { level: 3, name: { zh: '三级 集成级', en: 'Level 3 Integration' }, stage: { zh: '网络化集成', en: 'Networked integration' } },
  { level: 4, name: { zh: '四级 优化级', en: 'Level 4 Optimisation' }, stage: { zh: '智能化生产', en: 'Intelligent production' } },
  { level: 5, name: { zh: '五级 引领级', en: 'Level 5 Leading' }, stage: { zh: '产业链创新', en: 'Industry-chain innovation' } },
];

export const BELOW_LEVEL_1 = { zh: '未达到一级', en: 'Below level 1' };

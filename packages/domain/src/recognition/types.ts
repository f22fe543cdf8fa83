// Recognition ladder vocabulary (issue 4): what is recognised, at which level of the ladder.
// The ladder municipal → provincial → national: seed §二.3 (梯次培育体系); ../shared/domain/recognition-and-funding.md §1.

export const RECOGNITION_KINDS = ['smart_factory', 'digital_workshop'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

export const RECOGNITION_LEVELS = ['municipal', 'provincial', 'national'] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

export const RECOGNITION_KIND_LABELS: Record<RecognitionKind, { zh: string; en: string }> = {
  smart_factory: { zh: '智能工厂', en: 'Smart factory' },
  digital_workshop: { zh: '数字化车间', en: 'Digital workshop' },
};

export const RECOGNITION_LEVEL_LABELS: Record<RecognitionLevel, { zh: string; en: string }> = {
  municipal: { zh: '市级', en: 'Municipal' },
  provincial: { zh: '省级', en: 'Provincial' },
  national: { zh: '国家级', en: 'National' },
};

/** The level an upward recommendation from `level` goes to, or null at the top. */
export function nextLevel(level: RecognitionLevel): RecognitionLevel | null {
  const i = RECOGNITION_LEVELS.indexOf(level);
  return RECOGNITION_LEVELS[i + 1] ?? null;
}
